// The checkpoint thread of sqlite-checkpointer.ts: a PASSIVE checkpoint never waits for the
// writer, and the writer never waits for it (WAL mode lets both proceed).
import { DatabaseSync } from 'node:sqlite';
import { parentPort, workerData } from 'node:worker_threads';

const { databaseFile, intervalMs } = workerData as { databaseFile: string; intervalMs: number };
const db = new DatabaseSync(databaseFile);
db.exec('PRAGMA busy_timeout = 5000');
const checkpoint = db.prepare('PRAGMA wal_checkpoint(PASSIVE)');

const timer = setInterval(() => {
  try {
    checkpoint.get();
  } catch {
    // Busy or transient I/O trouble: the next tick tries again.
  }
}, intervalMs);

parentPort!.once('message', () => {
  clearInterval(timer);
  db.close();
  parentPort!.close();
});
