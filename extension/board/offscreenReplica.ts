// The board's home in the extension: the offscreen document holds the unit's Y.Doc, stores it in
// IndexedDB (y-indexeddb, extension origin) and keeps it synced with the server, whether or not a
// side panel is open. Side panels hold in-memory replicas fed over a BroadcastChannel.
import * as Y from 'yjs';
import type { IndexeddbPersistence } from 'y-indexeddb';
import { openBoardPersistence } from './boardPersistence.ts';
import { Awareness } from 'y-protocols/awareness';
import { boardDatabaseName, isServerConfigured, type BoardSettings } from './boardSettings.ts';
import { BOARD_CHANNEL, channelMessageSchema, peerFromState, type ChannelMessage, type Peer, type SyncStatus } from './channel.ts';
import { ServerSync } from './serverSync.ts';
import type { TthcDatabase } from '../db/database.ts';
import { todayInVietnam, toVietnamIso } from '../../shared/time/dates.ts';
import { applyAutomaticTasks, findAutomaticSources } from './automaticTasks.ts';

const FROM_PANEL = Symbol('from-panel');
const OFFSCREEN = 'offscreen';
const AUTOMATIC = Symbol('automatic-tasks');
/** Automatic tasks are looked for when a panel opens and at this interval. */
const AUTOMATIC_EVERY_MS = 15 * 60 * 1000;

export class OffscreenReplica {
  readonly doc = new Y.Doc();
  readonly board: string;
  private readonly settings: BoardSettings;
  private persistence: IndexeddbPersistence | null = null;
  private readonly awareness: Awareness;
  private readonly channel = new BroadcastChannel(BOARD_CHANNEL);
  private readonly editing = new Map<string, string[]>();
  private sync: ServerSync | null = null;
  private closed = false;
  /** The extension's database, for the captures automatic tasks come from. */
  private readonly captures: TthcDatabase;
  private automaticTimer: ReturnType<typeof setInterval> | null = null;
  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    // A panel's update already reached every other panel on the channel.
    if (origin !== FROM_PANEL) this.post({ t: 'update', board: this.board, from: OFFSCREEN, update });
  };
  private readonly onOnline = () => this.sync?.reconnectNow();
  private readonly onOffline = () => this.sync?.goOffline();

  constructor(settings: BoardSettings, captures: TthcDatabase) {
    this.settings = settings;
    this.captures = captures;
    this.board = boardDatabaseName(settings);
    this.awareness = new Awareness(this.doc);
    this.awareness.setLocalState({ name: settings.name, editing: [] });
    this.awareness.on('change', () => this.publishStatus());
    this.channel.onmessage = (event: MessageEvent) => this.receive(event.data);
    this.doc.on('update', this.onUpdate);
    addEventListener('online', this.onOnline);
    addEventListener('offline', this.onOffline);
  }

  async start(): Promise<void> {
    this.persistence = await openBoardPersistence(this.board, this.doc);
    if (isServerConfigured(this.settings)) {
      this.sync = new ServerSync(this.doc, this.awareness, this.settings, () => this.publishStatus());
    }
    this.post({ t: 'ready', board: this.board });
    this.publishStatus();
    void this.createAutomaticTasks();
    this.automaticTimer = setInterval(() => void this.createAutomaticTasks(), AUTOMATIC_EVERY_MS);
  }

  /** Tasks for overdue dossiers and publication steps falling due, from this officer's captures. */
  private async createAutomaticTasks(): Promise<void> {
    try {
      const sources = await findAutomaticSources(this.captures, todayInVietnam());
      if (this.closed) return;
      const skipped = applyAutomaticTasks(this.doc, sources, { user: this.author(), at: toVietnamIso(new Date()), origin: AUTOMATIC });
      if (skipped > 0) console.warn(`[board] ${skipped} automatic task(s) skipped: their source does not fit a task`);
    } catch (error) {
      console.error('[board] automatic tasks', error);
    }
  }

  status(): SyncStatus {
    return this.sync?.status() ?? { state: 'local' };
  }

  async destroy(): Promise<void> {
    this.closed = true;
    if (this.automaticTimer) clearInterval(this.automaticTimer);
    removeEventListener('online', this.onOnline);
    removeEventListener('offline', this.onOffline);
    this.sync?.destroy();
    this.awareness.destroy();
    await this.persistence?.destroy();
    this.doc.destroy();
    this.channel.close();
  }

  private post(message: ChannelMessage): void {
    if (!this.closed) this.channel.postMessage(message);
  }

  private peers(): Peer[] {
    const peers: Peer[] = [];
    for (const [clientId, state] of this.awareness.getStates()) {
      if (clientId !== this.doc.clientID) peers.push(peerFromState(clientId, state));
    }
    return peers;
  }

  private publishStatus(): void {
    this.post({ t: 'status', board: this.board, status: this.status(), peers: this.peers(), self: this.doc.clientID, user: this.sync?.identity() ?? null });
  }

  /** Who writes automatic tasks: the token's user once the server has said who that is, else the display name. */
  private author(): string {
    return this.sync?.identity()?.sub ?? this.settings.name;
  }

  private receive(data: unknown): void {
    const parsed = channelMessageSchema.safeParse(data);
    if (!parsed.success) return;
    const message = parsed.data;
    switch (message.t) {
      case 'hello': {
        const known = message.board === this.board ? message.stateVector : undefined;
        this.post({
          t: 'state', board: this.board, panel: message.panel,
          update: Y.encodeStateAsUpdate(this.doc, known), stateVector: Y.encodeStateVector(this.doc),
        });
        this.publishStatus();
        void this.createAutomaticTasks();
        return;
      }
      case 'update':
        if (message.board === this.board) Y.applyUpdate(this.doc, message.update, FROM_PANEL);
        return;
      case 'editing': {
        if (message.board !== this.board) return;
        if (message.tasks.length === 0) this.editing.delete(message.panel);
        else this.editing.set(message.panel, message.tasks);
        const tasks = [...new Set([...this.editing.values()].flat())];
        this.awareness.setLocalStateField('editing', tasks);
        return;
      }
      default:
        return;
    }
  }
}
