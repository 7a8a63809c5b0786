// Runs SQLite WAL checkpoints on a worker thread with its own connection, so copying the log into
// the database file (and the fsyncs that takes) never blocks the event loop that relays updates.
// Durability does not depend on it: every commit is already fsync'd to the WAL (synchronous=FULL);
// a checkpoint only moves committed pages into the main file so the WAL can be reused.
import { Worker } from 'node:worker_threads';

/**
 * Checkpoint cadence. The writer's own checkpoint (every 1,000 WAL pages by default) made about
 * one commit in a hundred several times slower; from here it overlaps the commits instead, and
 * the WAL, reused once folded, stays a few MiB at sustained write rates.
 */
export const checkpointIntervalMs = 500;
/** The writer checkpoints itself only past this many WAL pages: a fallback should this thread stall. */
export const writerCheckpointPages = 10_000;

export class SqliteCheckpointer {
  readonly #worker: Worker;
  readonly #exited: Promise<unknown>;

  constructor(databaseFile: string) {
    this.#worker = new Worker(new URL('./sqlite-checkpointer-worker.ts', import.meta.url), {
      workerData: { databaseFile, intervalMs: checkpointIntervalMs },
    });
    this.#exited = new Promise((resolve) => this.#worker.once('exit', resolve));
    // Losing this thread loses no data: the writer then checkpoints itself, past writerCheckpointPages.
    this.#worker.on('error', (error) => console.error(`[sync-server] checkpoint thread stopped: ${error.message}`));
    // The thread must never keep the process alive.
    this.#worker.unref();
  }

  /** Closes the thread's connection and ends it, so the writer's close can fold the WAL. */
  async stop(): Promise<void> {
    this.#worker.postMessage('stop');
    await this.#exited;
  }
}
