// CPU time used by the benchmark's Chromium, per kind of process (the browser process, where
// IndexedDB runs; the extension's process, where its service worker runs; the portal tabs), read
// from /proc: what a collection and the storage floor each cost, whatever the machine's load.
import { readdirSync, readFileSync } from 'node:fs';

/** CPU milliseconds so far per process id, with the kind of process. */
export type CpuSnapshot = Map<number, { kind: string; ms: number }>;

/** /proc/PID/stat counts USER_HZ ticks: 100 a second on Linux. */
const MS_PER_TICK = 10;

function processKind(cmdline: string): string {
  const type = /--type=([a-z-]+)/.exec(cmdline)?.[1];
  if (!type) return 'browser';
  if (type === 'renderer') return cmdline.includes('--extension-process') ? 'extension' : 'tabs';
  return 'other';
}

/** Every Chromium process started with `profileDir`, and their descendants (renderers carry no profile). */
export function browserCpu(profileDir: string): CpuSnapshot {
  const parents = new Map<number, number>();
  const stats = new Map<number, { kind: string; ms: number }>();
  let root: number | null = null;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): state, ppid, …, utime (14th), stime (15th).
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      const kind = processKind(cmdline);
      parents.set(pid, Number(fields[1]));
      stats.set(pid, { kind, ms: (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK });
      if (kind === 'browser' && cmdline.includes(`--user-data-dir=${profileDir}`)) root = pid;
    } catch {
      // The process ended while the table was read.
    }
  }
  const snapshot: CpuSnapshot = new Map();
  for (const [pid, stat] of stats) {
    for (let at: number | undefined = pid; at !== undefined && at > 1; at = parents.get(at)) {
      if (at === root) {
        snapshot.set(pid, stat);
        break;
      }
    }
  }
  return snapshot;
}

/**
 * CPU seconds per kind of process between two snapshots; a process that ended in between is not
 * counted (take the second snapshot before closing a tab).
 */
export function cpuBetween(before: CpuSnapshot, after: CpuSnapshot): Record<string, number> {
  const seconds: Record<string, number> = { total: 0 };
  for (const [pid, { kind, ms }] of after) {
    const used = (ms - (before.get(pid)?.ms ?? 0)) / 1000;
    seconds[kind] = (seconds[kind] ?? 0) + used;
    seconds.total! += used;
  }
  return seconds;
}

/** "12.3 s (browser 6.1, extension 3.0, tabs 2.9, other 0.3)". */
export function formatCpu(seconds: Record<string, number>): string {
  const parts = ['browser', 'extension', 'tabs', 'other'].map((kind) => `${kind} ${(seconds[kind] ?? 0).toFixed(1)}`);
  return `${(seconds.total ?? 0).toFixed(1)} s (${parts.join(', ')})`;
}
