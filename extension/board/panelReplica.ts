// A side panel's replica of the board: an in-memory Y.Doc, first filled from the board's IndexedDB
// copy (read once, never written), then kept in step both ways with the offscreen document over
// the BroadcastChannel. The panel never touches the network; closing it loses nothing, since each
// edit is handed to the offscreen document at once.
import * as Y from 'yjs';
import { browser } from 'wxt/browser';
import { BOARD_CHANNEL, channelMessageSchema, type ChannelMessage, type Peer, type SyncStatus, type TokenUser } from './channel.ts';
import { readStoredUpdates } from './storedUpdates.ts';

const FROM_CHANNEL = Symbol('from-channel');

export interface PanelState {
  doc: Y.Doc | null;
  board: string | null;
  status: SyncStatus;
  peers: Peer[];
  /** This officer as the server knows them; null until it has said, or with no server. */
  user: TokenUser | null;
}

export class PanelReplica {
  private readonly id = crypto.randomUUID();
  private readonly channel = new BroadcastChannel(BOARD_CHANNEL);
  private doc: Y.Doc | null = null;
  private board: string | null = null;
  private status: SyncStatus = { state: 'connecting' };
  private peers: Peer[] = [];
  private user: TokenUser | null = null;
  private editing: string[] = [];
  private closed = false;
  private relaying = false;
  private readonly listeners = new Set<(state: PanelState) => void>();

  constructor() {
    this.channel.onmessage = (event: MessageEvent) => this.receive(event.data);
  }

  /**
   * Shows the board from its IndexedDB copy at once, starts the offscreen document if the
   * background had not yet, then asks it for what the copy lacks (and hands it any edit made meanwhile).
   * `board`: the local board the settings name (boardDatabaseName).
   */
  async start(board: string): Promise<void> {
    const updates = await readStoredUpdates(board).catch(() => []);
    if (updates.length > 0 && this.doc === null) {
      const doc = this.adopt(board);
      doc.transact(() => updates.forEach((update) => Y.applyUpdate(doc, update)), FROM_CHANNEL);
      this.notify();
    }
    this.hello();
    await browser.runtime.sendMessage({ type: 'board:ensure-sync' });
    this.hello();
  }

  state(): PanelState {
    return { doc: this.doc, board: this.board, status: this.status, peers: this.peers, user: this.user };
  }

  subscribe(listener: (state: PanelState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells colleagues (through the offscreen document's presence) which tasks I have open. */
  readonly setEditing = (tasks: string[]): void => {
    this.editing = tasks;
    if (this.board) this.post({ t: 'editing', board: this.board, panel: this.id, tasks });
  };

  destroy(): void {
    if (this.board) this.post({ t: 'editing', board: this.board, panel: this.id, tasks: [] });
    this.closed = true;
    this.channel.close();
    this.doc?.destroy();
    this.listeners.clear();
  }

  private post(message: ChannelMessage): void {
    if (!this.closed) this.channel.postMessage(message);
  }

  private hello(): void {
    const stateVector = this.doc ? Y.encodeStateVector(this.doc) : new Uint8Array([0]);
    this.post({ t: 'hello', board: this.board ?? '', panel: this.id, stateVector });
  }

  private notify(): void {
    const state = this.state();
    for (const listener of this.listeners) listener(state);
  }

  private adopt(board: string): Y.Doc {
    if (this.doc && this.board === board) return this.doc;
    this.doc?.destroy();
    this.doc = new Y.Doc();
    this.board = board;
    this.relaying = false;
    return this.doc;
  }

  /**
   * Sends this panel's edits to the offscreen document. Started after the first state arrived: an
   * update listener makes Yjs re-encode every update applied, the whole board included.
   */
  private relay(doc: Y.Doc, board: string): void {
    if (this.relaying) return;
    this.relaying = true;
    doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== FROM_CHANNEL) this.post({ t: 'update', board, from: this.id, update });
    });
  }

  private receive(data: unknown): void {
    const parsed = channelMessageSchema.safeParse(data);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.t) {
      case 'ready':
        // The offscreen document (re)started, maybe for another unit: introduce ourselves again.
        if (message.board !== this.board) this.adopt(message.board);
        this.hello();
        return;
      case 'state': {
        if (message.panel !== this.id) return;
        const doc = this.adopt(message.board);
        Y.applyUpdate(doc, message.update, FROM_CHANNEL);
        this.relay(doc, message.board);
        // Whatever this panel holds that the offscreen document lacks (it restarted meanwhile) goes back.
        const missing = Y.encodeStateAsUpdate(doc, message.stateVector);
        if (missing.length > 2) this.post({ t: 'update', board: message.board, from: this.id, update: missing });
        if (this.editing.length > 0) this.setEditing(this.editing);
        this.notify();
        return;
      }
      case 'update':
        if (this.doc && message.board === this.board && message.from !== this.id) {
          Y.applyUpdate(this.doc, message.update, FROM_CHANNEL);
        }
        return;
      case 'status':
        if (message.board !== this.board && this.board !== null) return;
        this.status = message.status;
        this.peers = message.peers;
        this.user = message.user;
        this.notify();
        return;
      default:
        return;
    }
  }
}
