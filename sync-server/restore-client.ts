// Sends a point-in-time restore through a running server, as an officer's edit would go: the stock
// y-websocket client with an editor token syncs the unit's current document, the edits that bring
// the old state back are made on it, and the command waits until the server acknowledges storing
// them (ack=1), so every connected officer has received them when it returns.
import * as decoding from 'lib0/decoding';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { messageSavedAck } from '../shared/sync/messages.ts';
import { revertTo } from '../shared/sync/revert.ts';

export type RestoreRefusal = 'unreachable' | 'missing' | 'invalid' | 'expired' | 'wrong_unit' | 'viewer' | 'timeout';

export class RestoreRefused extends Error {
  readonly reason: RestoreRefusal;
  constructor(reason: RestoreRefusal, detail: string = reason) {
    super(detail);
    this.reason = reason;
  }
}

export interface RestoreRequest {
  /** ws:// or wss:// address of the server. */
  url: string;
  unit: string;
  token: string;
  old: Y.Doc;
  exact: boolean;
  timeoutMs?: number;
}

/** Acknowledgements the server sends a new connection before it sends any update (connection.ts). */
const setupAcks = 2;

/** Makes the edits and returns how many there were, once the server stored them. */
export async function restoreThroughServer(request: RestoreRequest): Promise<number> {
  await checkEditor(request);
  const timeoutMs = request.timeoutMs ?? 30_000;
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(request.url.replace(/\/+$/, ''), request.unit, doc, {
    params: { token: request.token, ack: '1' },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    connect: false,
  });
  let saved = new Map<number, number>();
  let acks = 0;
  provider.messageHandlers[messageSavedAck] = (_encoder, decoder) => {
    saved = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
    acks += 1;
  };
  // A restore is not an officer: it shows in no one's presence list.
  provider.awareness.setLocalState(null);
  provider.connect();
  try {
    // The server acknowledges twice before any edit of ours: the initial sync, and this empty
    // doc's (empty) answer to its sync step 1. The next acknowledgement can only be for the batch
    // that stored our edit. Waiting for it, not only for a state vector that covers ours, is
    // what makes a restore that only deletes (its state vector does not move) wait for the store.
    await until(() => provider.synced && acks >= setupAcks, timeoutMs);
    const edits = doc.transact(() => revertTo(doc, request.old, { exact: request.exact }), 'restore');
    if (edits === 0) return 0;
    const local = Y.decodeStateVector(Y.encodeStateVector(doc));
    await until(() => acks > setupAcks && [...local].every(([client, clock]) => (saved.get(client) ?? 0) >= clock), timeoutMs);
    return edits;
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

/** The token must be an editor's of this unit: the server drops a viewer's edits unstored. */
async function checkEditor({ url, unit, token }: RestoreRequest): Promise<void> {
  const check = `${url.replace(/^ws/, 'http').replace(/\/+$/, '')}/auth/check?unit=${encodeURIComponent(unit)}`;
  let response: Response;
  try {
    response = await fetch(check, { headers: { Authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(10_000) });
  } catch (error) {
    throw new RestoreRefused('unreachable', (error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message);
  }
  const body = (await response.json().catch(() => ({}))) as { reason?: RestoreRefusal; role?: string };
  if (!response.ok) throw new RestoreRefused(body.reason ?? 'invalid');
  if (body.role !== 'editor') throw new RestoreRefused('viewer');
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new RestoreRefused('timeout');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
