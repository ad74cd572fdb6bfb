// Measured work runs in a child process, so its peak RSS is its own; the child's last stdout line
// is its JSON report.
import { spawn } from 'node:child_process';

/** Runs `node <nodeArgs> --import tsx <script> <args>` and resolves with the JSON on its last stdout line. */
export function runJsonChild<T>(label: string, script: string, args: string[], cwd: string, nodeArgs: string[] = []): Promise<T> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{')) reject(new Error(`${label} exited ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`));
      else resolve(JSON.parse(last) as T);
    });
  });
}
