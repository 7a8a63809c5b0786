// The connection of one board to the sync server (the stock y-websocket protocol plus the server's
// ack=1 message, shared/sync/messages.ts), with a state the officer can trust: "saved" only once
// the server has acknowledged storing everything this replica holds (ack=1: message 100 carries
// the stored state vector); "refused" when GET /auth/check says the token is not accepted, which a
// browser cannot read from a refused websocket upgrade. When the server refuses a change (closes
// the connection over its size limit or a quota), the status says so and names the change, and
// the reconnect backoff keeps growing until the server acknowledges again.
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import { messageSavedAck } from '../../shared/sync/messages.ts';
import type { BoardSettings } from './boardSettings.ts';
import type { SyncStatus, TokenUser } from './channel.ts';
import { describeChange, refusalReason, type Refusal } from './refusedChange.ts';
import { checkToken } from './tokenCheck.ts';

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 30_000;

/** Exponential backoff with jitter: half the step fixed, half random, so officers do not reconnect in step. */
export function retryDelay(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** attempt);
  return step / 2 + random() * (step / 2);
}

/** True when, client by client, the stored state vector or what came from the server holds everything in the local one. */
function coveredBy(local: Map<number, number>, stored: Map<number, number>, received: Map<number, number>): boolean {
  for (const [client, clock] of local) if (Math.max(stored.get(client) ?? 0, received.get(client) ?? 0) < clock) return false;
  return true;
}

/** Raises each client's clock in `into` to the one in `from` where that is higher. */
function raiseClocks(into: Map<number, number>, from: Map<number, number>): void {
  for (const [client, clock] of from) if ((into.get(client) ?? 0) < clock) into.set(client, clock);
}

export class ServerSync {
  private readonly provider: WebsocketProvider;
  private readonly settings: BoardSettings;
  private readonly doc: Y.Doc;
  private readonly onStatus: () => void;
  /** The highest stored state vector the server acknowledged on this connection; null until it does. */
  private stored: Map<number, number> | null = null;
  /** How far each client's edits came from the server: other officers' edits, theirs to see saved. */
  private readonly received = new Map<number, number>();
  private refusedReason: string | null = null;
  /** The last attempt found no server at the address while the computer was online. */
  private unreachable = false;
  private attempt = 0;
  /** This officer as the server knows them, from /auth/check; the author of their edits. */
  private user: TokenUser | null = null;
  /** The last change the server refused, until it acknowledges everything again. */
  private rejected: Refusal | null = null;
  /** The largest local update the server has not acknowledged yet: the likeliest to be refused. */
  private largestUnacked: Uint8Array | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(doc: Y.Doc, awareness: Awareness, settings: BoardSettings, onStatus: () => void) {
    this.doc = doc;
    this.settings = settings;
    this.onStatus = onStatus;
    this.provider = new WebsocketProvider(settings.server, settings.unit, doc, {
      connect: false,
      awareness,
      params: { token: settings.token, ack: '1' },
      disableBc: true,
      // Every close ends here; reconnecting is ours (backoff with jitter, and not after a refusal).
      shouldReconnect: () => false,
    });
    this.provider.messageHandlers[messageSavedAck] = (_encoder, decoder) => {
      // Raised, not replaced: the server relays an edit before storing it, so an acknowledgement
      // may state less than what already came from the server.
      const acknowledged = Y.decodeStateVector(decoding.readVarUint8Array(decoder));
      if (this.stored === null) this.stored = acknowledged;
      else raiseClocks(this.stored, acknowledged);
      if (this.holdsNothingUnsaved()) {
        this.largestUnacked = null;
        this.rejected = null;
        this.attempt = 0;
      }
      this.onStatus();
    };
    this.provider.on('status', ({ status }: { status: string }) => {
      // Colleagues dropped our presence when we went away, at a newer clock than ours; renew it
      // so they see us again now rather than at the next 15-second heartbeat.
      if (status === 'connected') {
        this.unreachable = false;
        awareness.setLocalState({ ...awareness.getLocalState() });
      }
      this.onStatus();
    });
    this.provider.on('sync', (synced: boolean) => {
      // After a refusal the server syncs, then refuses the same change again: only its
      // acknowledgement of everything ends the backoff.
      if (synced && this.rejected === null) this.attempt = 0;
      this.onStatus();
    });
    this.provider.on('connection-close', () => {
      this.stored = null;
      this.onStatus();
    });
    this.provider.on('closed', (close: { code: number; reason: string }) => void this.afterClose(close));
    doc.on('update', this.onUpdate);
    this.provider.connect();
    void this.learnWhoIAm();
  }

  /** Whom the token names, once the server has said so. */
  identity(): TokenUser | null {
    return this.user;
  }

  status(): SyncStatus {
    const status = this.connectionStatus();
    return this.rejected === null ? status : { ...status, rejected: this.rejected };
  }

  /** Closes in a row since the server last acknowledged everything: the backoff's exponent. */
  get failedAttempts(): number {
    return this.attempt;
  }

  private connectionStatus(): SyncStatus {
    if (this.refusedReason !== null) return { state: 'refused', reason: this.refusedReason };
    if (this.provider.wsconnected) {
      const saved = this.provider.synced && this.holdsNothingUnsaved();
      return { state: saved ? 'saved' : 'saving' };
    }
    if (this.provider.wsconnecting) return { state: 'connecting' };
    // Online, yet no answer: a wrong address or a server that is down, which the officer should
    // not take for their own network being away.
    return this.unreachable && globalThis.navigator?.onLine !== false ? { state: 'offline', reason: 'unreachable' } : { state: 'offline' };
  }

  private holdsNothingUnsaved(): boolean {
    return this.stored !== null && coveredBy(Y.decodeStateVector(Y.encodeStateVector(this.doc)), this.stored, this.received);
  }

  /** The network is back: try now rather than at the end of the backoff. */
  reconnectNow(): void {
    if (this.stopped || this.refusedReason !== null || this.provider.ws !== null) return;
    if (this.retry) clearTimeout(this.retry);
    this.retry = null;
    // A refused change is refused again on any network: the backoff goes on growing.
    if (this.rejected === null) this.attempt = 0;
    this.provider.connect();
  }

  /** The network is gone: close at once instead of waiting for the socket to time out. */
  goOffline(): void {
    this.provider.disconnect();
    this.onStatus();
  }

  destroy(): void {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    this.doc.off('update', this.onUpdate);
    this.provider.destroy();
  }

  /**
   * What arrives from the server is another officer's edit (the server relays it on receipt, then
   * stores it and acknowledges it to that officer): it is not this replica's to see saved, so it
   * counts as covered here; this replica's acks only need to cover what it sent.
   */
  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== this.provider && update.length > (this.largestUnacked?.length ?? 0)) this.largestUnacked = update;
    if (origin === this.provider) {
      // Not Y.encodeStateVectorFromUpdate: it counts only updates that start at clock 0.
      for (const struct of Y.decodeUpdate(update).structs) {
        const end = struct.id.clock + struct.length;
        if ((this.received.get(struct.id.client) ?? 0) < end) this.received.set(struct.id.client, end);
      }
    }
    this.onStatus();
  };

  private async learnWhoIAm(): Promise<void> {
    const verdict = await checkToken(this.settings);
    if (this.stopped || !('accepted' in verdict) || !verdict.accepted) return;
    this.user = verdict.user;
    this.onStatus();
  }

  private async afterClose(close: { code: number; reason: string }): Promise<void> {
    const refusal = refusalReason(close);
    if (refusal !== null) {
      this.rejected = { reason: refusal, change: this.largestUnacked ? describeChange(this.doc, this.largestUnacked) : null };
      this.onStatus();
    }
    const verdict = await checkToken(this.settings);
    if (this.stopped) return;
    if ('accepted' in verdict && !verdict.accepted) {
      this.refusedReason = verdict.reason;
      this.onStatus();
      return;
    }
    if ('accepted' in verdict) this.user = verdict.user;
    this.unreachable = 'unreachable' in verdict;
    const delay = retryDelay(this.attempt++);
    this.retry = setTimeout(() => {
      this.retry = null;
      if (!this.stopped) this.provider.connect();
      this.onStatus();
    }, delay);
    this.onStatus();
  }
}
