// A one-line progress bar for stderr on a terminal. Redraws at most every 100 ms.
export class Progress {
  private last = 0;
  constructor(
    private readonly write: (s: string) => unknown,
    private readonly total: number,
    private readonly width = 30,
  ) {}

  update(done: number, force = false): void {
    const now = Date.now();
    if (!force && now - this.last < 100 && done < this.total) return;
    this.last = now;
    const filled = this.total === 0 ? this.width : Math.round((done / this.total) * this.width);
    this.write(`\r[${'#'.repeat(filled)}${'.'.repeat(this.width - filled)}] ${done}/${this.total} reports`);
  }

  clear(): void {
    this.write('\r\x1b[K');
  }
}
