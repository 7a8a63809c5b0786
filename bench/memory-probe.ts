// Preloaded into each server under test (node --expose-gc --import): on request over the IPC
// channel, collects garbage and reports memory, so both servers are measured the same way. With
// TRACE_SPIKES set it also records event-loop gaps over 8 ms and GC pauses (bench/spike-trace.ts).
import type { Pause } from './spike-trace.ts';

const collect = (globalThis as { gc?: () => void }).gc;

const gaps: Pause[] = [];
const gcs: Pause[] = [];
if (process.env.TRACE_SPIKES) {
  // Loaded only when tracing: an untraced server under test carries nothing of it.
  const { recordGcPauses } = await import('./spike-trace.ts');
  recordGcPauses(gcs);
  let last = performance.now();
  setInterval(() => {
    const now = performance.now();
    if (now - last > 8) gaps.push({ at: performance.timeOrigin + now, ms: now - last });
    last = now;
  }, 4).unref();
}

process.on('message', (message: unknown) => {
  if (message === 'pauses') {
    process.send?.({ gaps: gaps.splice(0), gcs: gcs.splice(0) });
    return;
  }
  if (message !== 'measure' || !collect) return;
  collect();
  collect();
  const { heapUsed, external, rss } = process.memoryUsage();
  process.send?.({ heapUsed, external, rss });
});
// The channel must not keep a server alive after it was asked to stop.
process.channel?.unref();
