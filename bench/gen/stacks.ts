// Kernel stack shapes seen on illumos amd64, used to give generated transcripts realistic variety.
// Each frame: [function, offset or null, how many arguments `-v` recovers]; innermost first.
import type { Rng } from './rng.ts';

export type FrameSpec = readonly [func: string, offset: number | null, nargs: number];

export interface StackShape {
  /** The thread's description as 2018+ mdb prints it, given a random source for names. */
  desc: (r: Rng, lwp: number) => string;
  /** Process name shown in `::cpuinfo` rows and run queues. */
  proc: (r: Rng) => string;
  frames: readonly FrameSpec[];
  /** Whether the saved PC is known (the bracketed `_resume_from_idle` line). */
  saved: boolean;
  weight: number;
}

const TASKQS = [
  'zio_write_issue',
  'zio_write_intr',
  'zio_read_intr_0',
  'zio_free_issue_0',
  'kmem_move_taskq',
  'system_taskq',
  'console_taskq',
  'callout_taskq',
  'ibmf_saa_event_taskq',
  'dbu_evict',
  'metaslab_group_taskq',
  'arc_prune',
  'l2arc_feed',
  'spa_async',
];

const USER_PROCS = ['nscd', 'svc.startd', 'svc.configd', 'sshd', 'bash', 'java', 'node', 'qemu-system-x86_', 'postgres', 'zoneadmd', 'fmd', 'syseventd', 'mdb', 'cron', 'bhyve', 'nginx'];

const kernel = (name: string) => () => name;
const sched = () => 'sched';
const user = (r: Rng) => r.pick(USER_PROCS);

const TAIL_KERNEL: FrameSpec = ['thread_start', 8, 0];
const TAIL_SYSCALL: FrameSpec = ['_sys_sysenter_post_swapgs', 0x149, 0];
const TAIL_SYSCALL64: FrameSpec = ['sys_syscall', 0x17a, 0];

export const SHAPES: readonly StackShape[] = [
  {
    weight: 30,
    saved: true,
    desc: (r) => `tq:${r.pick(TASKQS)}`,
    proc: sched,
    frames: [
      ['swtch', 0x141, 0],
      ['cv_wait', 0x70, 2],
      ['taskq_thread_wait', 0xbe, 5],
      ['taskq_thread', 0x37c, 1],
      TAIL_KERNEL,
    ],
  },
  {
    weight: 10,
    saved: true,
    desc: (r) => `tq:${r.pick(TASKQS)}`,
    proc: sched,
    frames: [
      ['swtch', 0x141, 0],
      ['cv_timedwait_hires', 0xe0, 5],
      ['cv_reltimedwait', 0x4f, 4],
      ['taskq_thread_wait', 0x64, 5],
      ['taskq_d_thread', 0x145, 1],
      TAIL_KERNEL,
    ],
  },
  {
    weight: 8,
    saved: true,
    desc: kernel('mac_soft_ring_worker()'),
    proc: sched,
    frames: [
      ['swtch', 0x1e6, 0],
      ['cv_wait', 0x7f, 2],
      ['mac_soft_ring_worker', 0xc5, 1],
      TAIL_KERNEL,
    ],
  },
  {
    weight: 6,
    saved: true,
    desc: kernel('squeue_worker()'),
    proc: sched,
    frames: [
      ['swtch', 0x1e6, 0],
      ['cv_wait', 0x7f, 2],
      ['squeue_worker', 0xd1, 1],
      TAIL_KERNEL,
    ],
  },
  {
    weight: 3,
    saved: true,
    desc: kernel('txg_sync_thread()'),
    proc: sched,
    frames: [
      ['swtch', 0x141, 0],
      ['cv_timedwait_hires', 0xe0, 5],
      ['cv_timedwait', 0x5c, 3],
      ['txg_thread_wait', 0x5f, 4],
      ['txg_sync_thread', 0x105, 1],
      TAIL_KERNEL,
    ],
  },
  {
    weight: 2,
    saved: true,
    desc: kernel('zio_wait()'),
    proc: sched,
    frames: [
      ['swtch', 0x141, 0],
      ['cv_wait', 0x70, 2],
      ['zio_wait', 0x6b, 1],
      ['dsl_pool_sync', 0xc1, 2],
      ['spa_sync_iterate_to_convergence', 0x11b, 2],
      ['spa_sync', 0x2c3, 2],
      ['txg_sync_thread', 0x1fd, 1],
      TAIL_KERNEL,
    ],
  },
  {
    weight: 20,
    saved: true,
    desc: (r, lwp) => `${r.pick(USER_PROCS)}/${lwp}`,
    proc: user,
    frames: [
      ['swtch', 0x141, 0],
      ['cv_wait_sig_swap_core', 0x1b9, 3],
      ['cv_wait_sig_swap', 0x17, 2],
      ['cv_timedwait_sig_hrtime', 0x35, 3],
      ['poll_common', 0x50c, 4],
      ['pollsys', 0xe3, 4],
      TAIL_SYSCALL,
    ],
  },
  {
    weight: 8,
    saved: true,
    desc: (r, lwp) => `${r.pick(USER_PROCS)}/${lwp}`,
    proc: user,
    frames: [
      ['shuttle_swtch', 0x203, 1],
      ['door_return', 0x214, 5],
      ['doorfs32', 0x180, 6],
      TAIL_SYSCALL,
    ],
  },
  {
    weight: 8,
    saved: true,
    desc: (r, lwp) => `${r.pick(USER_PROCS)}/${lwp} [${r.pick(['worker', 'mevent', 'vcpu 0', 'vcpu 1', 'blk-0:0'])}]`,
    proc: user,
    frames: [
      ['swtch', 0x141, 0],
      ['cv_wait_sig_swap_core', 0x1b9, 3],
      ['cv_waituntil_sig', 0xbd, 4],
      ['lwp_park', 0x15e, 2],
      ['syslwp_park', 0x63, 3],
      TAIL_SYSCALL64,
    ],
  },
  {
    weight: 2,
    saved: true,
    desc: kernel('idle()'),
    proc: sched,
    frames: [
      ['swtch', 0x141, 0],
      ['idle', 0xbc, 0],
      TAIL_KERNEL,
    ],
  },
  {
    weight: 1,
    saved: false,
    desc: (_r, lwp) => `qemu-system-x86_/${lwp}`,
    proc: () => 'qemu-system-x86_',
    frames: [
      ['kvm_vcpu_run', 0x2f8, 2],
      ['kvm_ioctl', 0x3b2, 6],
      ['cdev_ioctl', 0x39, 6],
      ['spec_ioctl', 0x60, 6],
      ['fop_ioctl', 0x55, 6],
      ['ioctl', 0x9b, 3],
      TAIL_SYSCALL64,
    ],
  },
  {
    weight: 1,
    saved: true,
    desc: kernel('fsflush()'),
    proc: () => 'fsflush',
    frames: [
      ['swtch', 0x141, 0],
      ['cv_wait', 0x70, 2],
      ['fsflush', 0x1f4, 0],
      TAIL_KERNEL,
    ],
  },
  {
    weight: 1,
    saved: true,
    desc: kernel('pageout_scanner()'),
    proc: () => 'pageout',
    frames: [
      ['swtch', 0x141, 0],
      ['cv_wait', 0x70, 2],
      ['pageout_scanner', 0x121, 0],
      TAIL_KERNEL,
    ],
  },
  {
    weight: 2,
    saved: true,
    desc: (r, lwp) => `${r.pick(USER_PROCS)}/${lwp}`,
    proc: user,
    frames: [
      ['swtch', 0x141, 0],
      ['turnstile_block', 0x21a, 6],
      ['mutex_vector_enter', 0x3a3, 1],
      ['vn_rele', 0x21, 1],
      ['closef', 0x5f, 1],
      ['closeandsetf', 0x398, 2],
      ['close', 0x13, 1],
      TAIL_SYSCALL64,
    ],
  },
];

export const SHAPE_WEIGHTS: readonly (readonly [number, StackShape])[] = SHAPES.map((s) => [s.weight, s] as const);
