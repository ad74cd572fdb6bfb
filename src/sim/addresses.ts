// Synthetic kernel addresses, deterministic per scenario, shaped like real ones for the chosen
// debugger width (amd64 16 digits, other LP64 11, 32-bit 8) so rendered text reads like a dump.
// Kernel threads sit at the top of their stacks (as in illumos), spaced like the seed's.

interface Bases {
  cpu: bigint;
  cpuStep: bigint;
  kthread: bigint;
  kthreadStep: bigint;
  uthread: bigint;
  uthreadStep: bigint;
  ustack: bigint;
  cldata: bigint;
  cldataStep: bigint;
  object: bigint;
  objectStep: bigint;
}

const BASES: Record<8 | 11 | 16, Bases> = {
  16: {
    cpu: 0xffffff01d3e32580n,
    cpuStep: 0x1000n,
    kthread: 0xffffff0007605c40n,
    kthreadStep: 0x6000n,
    uthread: 0xffffff01cfa6d7c0n,
    uthreadStep: 0x2a40n,
    ustack: 0xffffff0008a05c40n,
    cldata: 0xffffff01dde41b90n,
    cldataStep: 0xa8n,
    object: 0xffffff01d6fd5ac0n,
    objectStep: 0x150n,
  },
  11: {
    cpu: 0x30001e2c000n,
    cpuStep: 0x2000n,
    kthread: 0x2a100c0fcc0n,
    kthreadStep: 0x8000n,
    uthread: 0x30002a4e7c0n,
    uthreadStep: 0x2a40n,
    ustack: 0x2a101a0fcc0n,
    cldata: 0x30003b41b90n,
    cldataStep: 0xa8n,
    object: 0x30004c85ac0n,
    objectStep: 0x150n,
  },
  8: {
    cpu: 0xfec24f60n,
    cpuStep: 0x800n,
    kthread: 0xd4a3dde0n,
    kthreadStep: 0x3000n,
    uthread: 0xd5b207c0n,
    uthreadStep: 0xa40n,
    ustack: 0xd4f0dde0n,
    cldata: 0xd6141b90n,
    cldataStep: 0x58n,
    object: 0xd6fd5ac0n,
    objectStep: 0x70n,
  },
};

export class AddrAlloc {
  readonly width: 8 | 11 | 16;
  private b: Bases;
  private k = 0;
  private u = 0;
  private c = 0;
  private o = 0;

  constructor(width: 8 | 11 | 16) {
    this.width = width;
    this.b = BASES[width];
  }

  hex(v: bigint): string {
    return v.toString(16).padStart(this.width, '0');
  }

  cpu(id: number): string {
    return this.hex(this.b.cpu + BigInt(id) * this.b.cpuStep);
  }

  /** A kernel thread: the kthread_t sits just above its stack. Returns [addr, stack top]. */
  kthread(): [string, bigint] {
    const v = this.b.kthread + BigInt(this.k++) * this.b.kthreadStep;
    return [this.hex(v), v];
  }

  /** A user thread: kthread_t from kmem, stack elsewhere. Returns [addr, stack top]. */
  uthread(): [string, bigint] {
    const i = BigInt(this.u++);
    return [this.hex(this.b.uthread + i * this.b.uthreadStep), this.b.ustack + i * this.b.kthreadStep];
  }

  cldata(): string {
    return this.hex(this.b.cldata + BigInt(this.c++) * this.b.cldataStep);
  }

  /** Some kernel object (a condition variable, a mutex, a worker's argument). */
  object(): string {
    return this.hex(this.b.object + BigInt(this.o++) * this.b.objectStep);
  }
}
