// A one-line progress bar for stderr on a terminal: bytes done of total, reports done, and the
// file being waited on. Redraws at most every 100 ms.
import { neutralize } from '../report/sanitize.ts';

/** Short sizes for a progress line: 512 B, 3.4 MiB. */
export function shortBytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let x = n;
  let u = 0;
  while (x >= 1024 && u < units.length - 1) {
    x /= 1024;
    u++;
  }
  return u === 0 ? `${x} B` : `${x.toFixed(1)} ${units[u]}`;
}

/** Long names are cut from the left: the end of a path says most. */
const MAX_NAME = 40;

export class Progress {
  private last = 0;
  constructor(
    private readonly write: (s: string) => unknown,
    private readonly total: number,
    private readonly totalBytes = 0,
    private readonly width = 30,
  ) {}

  /** `current`: the file the output waits on, shown when given. */
  update(done: number, bytesDone = 0, current?: string, force = false): void {
    const now = Date.now();
    if (!force && now - this.last < 100 && done < this.total) return;
    this.last = now;
    // The bar follows bytes when sizes are known: one big report is most of a batch's time.
    const frac = this.totalBytes > 0 ? bytesDone / this.totalBytes : this.total === 0 ? 1 : done / this.total;
    const filled = Math.min(this.width, Math.round(frac * this.width));
    const bytes = this.totalBytes > 0 ? ` ${shortBytes(bytesDone)}/${shortBytes(this.totalBytes)}` : '';
    let name = current !== undefined && done < this.total ? neutralize(current) : '';
    if (name.length > MAX_NAME) name = `…${name.slice(name.length - MAX_NAME + 1)}`;
    this.write(`\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(this.width - filled)}]${bytes} ${done}/${this.total} reports${name !== '' ? ` ${name}` : ''}`);
  }

  clear(): void {
    this.write('\r\x1b[K');
  }
}
