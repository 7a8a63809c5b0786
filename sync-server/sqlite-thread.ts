// Runs the SQLite store on its own thread: DatabaseSync blocks while it fsyncs, and on the main
// thread that would stall every socket. Here the main thread keeps reading messages during a
// commit, and they form the next batch (group commit).
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { SqliteStore } from './sqlite-store.ts';
import type { DocumentStore, StoredUpdate } from './store.ts';

type Operation = 'load' | 'append' | 'compact' | 'rooms' | 'close';
interface Request { id: number; operation: Operation; argument?: unknown }
type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

export class ThreadedSqliteStore implements DocumentStore {
  readonly shared = false;
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  #nextId = 0;
  #closed: Promise<void> | null = null;

  private constructor(worker: Worker) {
    this.#worker = worker;
    worker.on('message', (reply: Reply) => {
      const waiting = this.#waiting.get(reply.id);
      this.#waiting.delete(reply.id);
      if (reply.ok) waiting?.resolve(reply.value);
      else waiting?.reject(new Error(reply.message));
    });
    worker.on('error', (error) => this.#failAll(error));
    worker.on('exit', () => this.#failAll(new Error('store thread exited')));
  }

  /** Resolves once the database is open (or rejects with why it could not be). */
  static async open(dataDir: string): Promise<ThreadedSqliteStore> {
    // The thread only passes bytes through: a small young generation keeps its garbage small.
    const worker = new Worker(new URL(import.meta.url), { workerData: { dataDir }, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    await new Promise<void>((resolve, reject) => {
      worker.once('message', (ready: Reply) => (ready.ok ? resolve() : reject(new Error(ready.message))));
      worker.once('error', reject);
    });
    return new ThreadedSqliteStore(worker);
  }

  load(room: string): Promise<Uint8Array[]> {
    return this.#call('load', room) as Promise<Uint8Array[]>;
  }

  async append(entries: readonly StoredUpdate[]): Promise<void> {
    if (entries.length > 0) await this.#call('append', entries);
  }

  async compact(room: string): Promise<void> {
    await this.#call('compact', room);
  }

  rooms(): Promise<string[]> {
    return this.#call('rooms') as Promise<string[]>;
  }

  close(): Promise<void> {
    this.#closed ??= this.#call('close').then(async () => {
      await this.#worker.terminate();
    });
    return this.#closed;
  }

  #call(operation: Operation, argument?: unknown): Promise<unknown> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, operation, argument } satisfies Request);
    });
  }

  #failAll(error: Error): void {
    for (const waiting of this.#waiting.values()) waiting.reject(error);
    this.#waiting.clear();
  }
}

async function serveRequests(): Promise<void> {
  const port = parentPort!;
  let store: SqliteStore;
  try {
    store = new SqliteStore((workerData as { dataDir: string }).dataDir);
    port.postMessage({ id: -1, ok: true, value: null } satisfies Reply);
  } catch (error) {
    port.postMessage({ id: -1, ok: false, message: (error as Error).message } satisfies Reply);
    return;
  }
  const operations: Record<Operation, (argument: unknown) => Promise<unknown>> = {
    load: (room) => store.load(room as string),
    append: (entries) => store.append(entries as StoredUpdate[]),
    compact: (room) => store.compact(room as string),
    rooms: () => store.rooms(),
    close: () => store.close(),
  };
  // Appends and loads stand between an officer and the next relay; compactions are background
  // work. Requests queue here and the urgent ones go first, so a wave of compactions (many rooms
  // evicted at once) never holds an append back by more than one compaction.
  const urgent: Request[] = [];
  const background: Request[] = [];
  let scheduled = false;
  const work = async () => {
    scheduled = false;
    const request = urgent.shift() ?? background.shift();
    if (!request) return;
    try {
      port.postMessage({ id: request.id, ok: true, value: await operations[request.operation](request.argument) } satisfies Reply);
    } catch (error) {
      port.postMessage({ id: request.id, ok: false, message: (error as Error).message } satisfies Reply);
    }
    if (urgent.length + background.length > 0 && !scheduled) {
      scheduled = true;
      // setImmediate lets requests that arrived meanwhile be queued (and sorted) first.
      setImmediate(work);
    }
  };
  port.on('message', (request: Request) => {
    (request.operation === 'compact' ? background : urgent).push(request);
    if (!scheduled) {
      scheduled = true;
      setImmediate(work);
    }
  });
}

if (!isMainThread && (workerData as { dataDir?: string } | null)?.dataDir !== undefined) await serveRequests();
