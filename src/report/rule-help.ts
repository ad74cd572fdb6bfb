// What each rule checks and how to act on it, for SARIF's reportingDescriptor (fullDescription,
// help) and any view that explains a rule: one entry per rule id of src/rules/index.ts.
// `help` is plain text; backtick spans are code (SARIF help.markdown renders them with mdProse).

export interface RuleHelp {
  /** What the rule detects and why it matters, one paragraph. */
  fullDescription: string;
  /** What to check and what to do, one or more sentences; `code` in backticks. */
  help: string;
}

export const RULE_HELP: Readonly<Record<string, RuleHelp>> = {
  'kpreempt-threshold': {
    fullDescription:
      'kpreemptpri is above maxclsyspri, so a SYS thread at priority 99 waiting for a CPU never sets KRNRN and never ' +
      'preempts a thread that stays in the kernel (illumos 1532). Direct when the input shows kpreemptpri; inferred ' +
      'from a CPU with pri >= 99 work queued above a long-running thread and KRNRN still clear.',
    help:
      'Check `kpreemptpri/d` and `maxclsyspri/d`. Run a kernel with the illumos 1532 / SmartOS OS-970 change ' +
      '(kpreemptpri = maxclsyspri). On a live unfixed kernel `kpreemptpri/w 0t99` under `mdb -kw` applies it until ' +
      'reboot but leaves kpqpri unchanged.',
  },
  'runq-starvation': {
    fullDescription:
      'Runnable threads are queued above the thread a CPU runs (the pinned thread when an interrupt is on top) and the ' +
      'CPU has not switched for longer than the starvation threshold. Serious only when the input proves the running ' +
      'thread stays in the kernel and the waiters are bound, so no other CPU can take them.',
    help:
      'Read the CPU with `::cpuinfo -v` and the running thread with `ADDR::findstack -v`; check `t_bound_cpu` of the ' +
      'waiters with `ADDR::print kthread_t t_bound_cpu`. The wait is an upper bound: SWITCH does not move when ' +
      '`disp()` picks the same thread again.',
  },
  'equal-priority-starvation': {
    fullDescription:
      'Threads are queued at the same SYS priority as the kernel thread holding their CPU. SYS has no quantum and ' +
      'cpu_resched asks for a preemption only for a strictly higher waiter, so equals wait until the running thread ' +
      'blocks, whatever kpreemptpri is (illumos 7232).',
    help:
      'Find what the running kernel thread loops on with `ADDR::findstack -v`. Lowering kpreemptpri does not help ' +
      'here: the running thread must block or yield (`kpreempt()` / `preempt()` in its loop).',
  },
  'interrupt-hog': {
    fullDescription:
      'Threads are queued on a CPU that is running an interrupt thread. Only a higher PIL preempts an interrupt thread, ' +
      'so no kpreemptpri value helps; the waiters run when the interrupt returns.',
    help:
      'Check the interrupt thread with `ADDR::findstack -v` and the CPU with `::cpuinfo -v`; look for an interrupt ' +
      'storm (`::interrupts`) or a long handler. One snapshot cannot tell a long interrupt from one caught just after ' +
      'it woke the waiters.',
  },
  'ts-timeleft-overrun': {
    fullDescription:
      'A TS thread on a CPU has a negative ts_timeleft far past its quantum: ts_tick keeps decrementing it and calling ' +
      'cpu_surrender, and only preempt() or yield refills it, so the thread has stayed in the kernel. Off the CPU a ' +
      'negative value proves nothing.',
    help:
      'Confirm with `ADDR::print kthread_t t_cldata | ::print -a tsproc_t ts_timeleft` and hz (`hz/D`); find the ' +
      'kernel loop with `ADDR::findstack -v`.',
  },
  'preemption-pending': {
    fullDescription:
      'RNRN or KRNRN is set on a CPU that has not switched for far longer than a quantum. RNRN is honoured only at a ' +
      'return to user level, KRNRN only at a kernel preemption point with preemption enabled; severity follows the ' +
      'evidence that the running thread stays in the kernel.',
    help:
      'Check the CPU flags with `::cpuinfo -v` and where the running thread is with `ADDR::findstack -v`; a CPU-bound ' +
      'user thread alone on its CPU also shows a large SWITCH.',
  },
  'stranded-runnable': {
    fullDescription:
      'An idle CPU that could steal work has an empty queue while another CPU holds unbound runnable threads. Only an ' +
      'idle, unquiesced CPU steals, and only unbound threads (t_bound_cpu NULL).',
    help:
      'Check `ADDR::print kthread_t t_bound_cpu t_weakbound_cpu` of the queued threads and the idle CPU flags in ' +
      '`::cpuinfo -v` (OFFLINE, QUIESCED, POWEROFF, SPARE and FAULTED CPUs do not steal).',
  },
  'priority-inversion': {
    fullDescription:
      'A lock holder runs on an inherited priority (t_epri above t_pri), so a higher-priority thread waits behind it. ' +
      'Inheritance working (the holder on a CPU) is benign; a holder queued on a CPU that is not switching, or asleep, ' +
      'is an inversion not resolved.',
    help:
      'Find the lock and its waiters with `ADDR::print kthread_t t_epri t_pri t_wchan`, `::turnstile` and ' +
      '`::findstack -v` of the holder.',
  },
  'taskq-starvation': {
    fullDescription:
      'A taskq thread is runnable but not running because the CPU it is queued on keeps running the same thread. With ' +
      'a ZIO taskq starved while pageout or spa_sync wait on I/O, it is the deadlock of illumos 1532 comment 6: the ' +
      'I/O completed but its completion is never processed.',
    help:
      'Check the taskq with `::taskq` and the thread holding the CPU with `ADDR::findstack -v`; the kpreemptpri fix ' +
      'lets pri-99 taskq threads preempt a thread in the kernel.',
  },
  deadlock: {
    fullDescription:
      'Threads wait on each other in a cycle: each blocks on a mutex or rwlock (its `mutex_vector_enter`, ' +
      '`rw_enter_sleep` or `turnstile_block` frame names the object) that the next one holds. None can run again. ' +
      'Certain when `::mutex`/`::rwlock` rows name every owner; weaker when an owner is read from a mutex word or ' +
      'inferred from the wait site.',
    help:
      'Confirm each object with `ADDR::mutex` or `ADDR::rwlock` and each thread with `ADDR::findstack -v`. The fix ' +
      'is in the code that takes the locks: one lock order for every path, or a trylock with back-off.',
  },
  'wait-chain': {
    fullDescription:
      'Three or more threads wait one behind another, and the whole chain waits on its head. When the head is ' +
      'runnable but starved on a run queue, the dispatcher finding that explains the head is the cause of the hang ' +
      '(illumos 1532 comment 6: ZIO interrupt threads starved, pageout waiting on them, everything else on pageout).',
    help:
      'Look at the head first: `ADDR::findstack -v` and `::cpuinfo -v` for where it is queued. Fix what stops the ' +
      'head (the linked finding names it); the waiters follow.',
  },
  'lock-convoy': {
    fullDescription:
      'Five or more threads block on one lock. Serious when the dump proves its owner does not progress: it has run ' +
      'for long, is queued behind a high dispatcher finding, or sleeps in waits that end in such a thread or a cycle; ' +
      'ordinary contention when the owner is running briefly.',
    help:
      'Check the lock with `ADDR::mutex` (or `ADDR::rwlock`) and its owner with `ADDR::findstack -v`; shorten the ' +
      'critical section or split the lock.',
  },
};

/** The help entry of `ruleId`, or null when the table has none (a test keeps that from happening). */
export function ruleHelp(ruleId: string): RuleHelp | null {
  return Object.prototype.hasOwnProperty.call(RULE_HELP, ruleId) ? RULE_HELP[ruleId]! : null;
}
