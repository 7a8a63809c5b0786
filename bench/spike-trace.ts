// bench:sync with TRACE_SPIKES=1: where a burst of slow deliveries comes from. For every 20 ms of
// receive time with 20 or more deliveries over 12 ms, prints what each process did from the
// earliest send among them to the end of the bin: CPU time run and time spent waiting for a CPU
// (from /proc/PID/task/TID/schedstat: the server's main thread, its other threads, this client
// process), system iowait/softirq, the client's GC pauses, and, from the server (memory-probe.ts),
// its event-loop gaps over 8 ms and GC pauses. A burst where everyone waited for a CPU is the
// machine's; one where the server's main thread ran for the whole span is the server's own work.
import { readFileSync, readdirSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';

const epoch = () => performance.timeOrigin + performance.now();

function schedstat(path: string): [number, number] {
  try {
    const [exec, wait] = readFileSync(path, 'utf8').split(' ');
    return [Number(exec) / 1e6, Number(wait) / 1e6];
  } catch {
    return [0, 0];
  }
}

export interface Pause { at: number; ms: number; kind?: number }
/** From the server (bench/memory-probe.ts): event-loop gaps over 8 ms and GC pauses, `at` in epoch ms. */
export interface ServerPauses { gaps: Pause[]; gcs: Pause[] }

/** Appends each GC pause of this process to `pauses` (both the client and, via memory-probe.ts, the server). */
export function recordGcPauses(pauses: Pause[]): PerformanceObserver {
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      pauses.push({ at: performance.timeOrigin + entry.startTime, ms: entry.duration, kind: (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind });
    }
  });
  observer.observe({ entryTypes: ['gc'] });
  return observer;
}

interface Sample { at: number; serverExec: number; serverWait: number; threadsExec: number; threadsWait: number; selfExec: number; selfWait: number; ioWait: number; softirq: number }

/** System-wide iowait and softirq time so far, in ms (/proc/stat counts USER_HZ ticks: 100 a second on Linux). */
function systemStat(): [number, number] {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  return [cpu[4]! * 10, cpu[6]! * 10];
}

export class SpikeTrace {
  readonly receivedAt: number[] = [];
  readonly latency: number[] = [];
  readonly samples: Sample[] = [];
  readonly gcs: Pause[] = [];
  readonly #observer: PerformanceObserver;
  readonly pid: number;
  constructor(pid: number) {
    this.pid = pid;
    this.#observer = recordGcPauses(this.gcs);
  }

  /** One delivery, received at `receivedAt` (this process's performance.now()). */
  delivery(receivedAt: number, latency: number): void {
    this.receivedAt.push(performance.timeOrigin + receivedAt);
    this.latency.push(latency);
  }

  sample(): void {
    const [serverExec, serverWait] = schedstat(`/proc/${this.pid}/task/${this.pid}/schedstat`);
    let threadsExec = 0;
    let threadsWait = 0;
    for (const task of readdirSync(`/proc/${this.pid}/task`)) {
      if (Number(task) === this.pid) continue;
      const [e, w] = schedstat(`/proc/${this.pid}/task/${task}/schedstat`);
      threadsExec += e;
      threadsWait += w;
    }
    const [selfExec, selfWait] = schedstat(`/proc/${process.pid}/task/${process.pid}/schedstat`);
    const [ioWait, softirq] = systemStat();
    this.samples.push({ at: epoch(), serverExec, serverWait, threadsExec, threadsWait, selfExec, selfWait, ioWait, softirq });
  }

  report(name: string, { gaps: loopGaps, gcs: serverGcs }: ServerPauses): void {
    this.#observer.disconnect();
    const slowMs = 12;
    const bin = 20;
    const start = this.receivedAt[0] ?? 0;
    const bins = new Map<number, { slow: number; max: number; earliestSent: number }>();
    for (let i = 0; i < this.receivedAt.length; i += 1) {
      if (this.latency[i]! <= slowMs) continue;
      const key = Math.floor((this.receivedAt[i]! - start) / bin);
      const entry = bins.get(key) ?? { slow: 0, max: 0, earliestSent: Infinity };
      entry.slow += 1;
      entry.max = Math.max(entry.max, this.latency[i]!);
      entry.earliestSent = Math.min(entry.earliestSent, this.receivedAt[i]! - this.latency[i]!);
      bins.set(key, entry);
    }
    const slowTotal = [...bins.values()].reduce((sum, b) => sum + b.slow, 0);
    console.log(`[trace ${name}] deliveries ${this.latency.length}, over ${slowMs} ms: ${slowTotal}; client GCs ${this.gcs.length} (max ${Math.max(0, ...this.gcs.map((g) => g.ms)).toFixed(1)} ms); server loop gaps >8 ms: ${loopGaps.length}; server GCs ${serverGcs.length}, sum ${serverGcs.reduce((a, g) => a + g.ms, 0).toFixed(0)} ms, major ${serverGcs.filter((g) => g.kind === 4).length}`);
    const bursts = [...bins.entries()].filter(([, b]) => b.slow >= 20).sort((a, b) => a[0] - b[0]);
    for (const [key, b] of bursts) {
      const from = b.earliestSent;
      const to = start + (key + 1) * bin;
      const within = (at: number) => at >= from - 5 && at <= to;
      const before = [...this.samples].reverse().find((s) => s.at <= from) ?? this.samples[0]!;
      const after = this.samples.find((s) => s.at >= to) ?? this.samples.at(-1)!;
      const d = (pick: (s: Sample) => number) => (pick(after) - pick(before)).toFixed(1);
      const span = (after.at - before.at).toFixed(0);
      const gcs = this.gcs.filter((g) => within(g.at)).map((g) => `${g.ms.toFixed(1)}ms/k${g.kind}`).join(',');
      const gaps = loopGaps.filter((g) => within(g.at) || within(g.at - g.ms)).map((g) => g.ms.toFixed(1)).join(',');
      const sgcs = serverGcs.filter((g) => within(g.at) || within(g.at + g.ms)).map((g) => `${g.ms.toFixed(1)}ms/k${g.kind}`).join(',');
      console.log(
        `  t=${((key * bin) / 1000).toFixed(2)}s slow ${b.slow} max ${b.max.toFixed(1)} stall-from -${(to - from).toFixed(0)}ms | over ${span} ms: server main exec ${d((s) => s.serverExec)} wait ${d((s) => s.serverWait)}, ` +
          `server threads exec ${d((s) => s.threadsExec)} wait ${d((s) => s.threadsWait)}, client exec ${d((s) => s.selfExec)} wait ${d((s) => s.selfWait)}, iowait ${d((s) => s.ioWait)} softirq ${d((s) => s.softirq)} | client gc [${gcs}] server gaps [${gaps}] server gc [${sgcs}]`,
      );
    }
  }
}
