// Preloaded into each server under test (node --expose-gc --import): on request over the IPC
// channel, collects garbage and reports memory, so both servers are measured the same way.
const collect = (globalThis as { gc?: () => void }).gc;

process.on('message', (message: unknown) => {
  if (message !== 'measure' || !collect) return;
  collect();
  collect();
  const { heapUsed, external, rss } = process.memoryUsage();
  process.send?.({ heapUsed, external, rss });
});
// The channel must not keep a server alive after it was asked to stop.
process.channel?.unref();
