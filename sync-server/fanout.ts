// How a room's stored updates and presence reach officers connected to OTHER instances. The room
// itself already relays to its own connections; a fan-out only crosses instance boundaries.
// 'syncStep1' (a state vector: "send me what I lack") and 'syncStep2' (the answer) are the Yjs
// sync handshake between instances, for stores that are not shared.
export type FanoutKind = 'update' | 'awareness' | 'syncStep1' | 'syncStep2';

/** The instance a message came from: `direct` when it was addressed to this instance only. */
export interface FanoutPeer {
  readonly direct: boolean;
  /** Sends to that instance alone. */
  reply(kind: FanoutKind, payload: Uint8Array): void;
}

export type FanoutReceiver = (kind: FanoutKind, payload: Uint8Array, from: FanoutPeer) => void;

export interface Fanout {
  /** Starts receiving the room's messages from other instances; resolves once that is in effect. */
  join(room: string, receive: FanoutReceiver): Promise<void>;
  leave(room: string): Promise<void>;
  /** Sends to every other instance that joined the room. */
  publish(room: string, kind: FanoutKind, payload: Uint8Array): void;
  close(): Promise<void>;
}

/** One instance: every officer of a room is connected here, so nothing crosses a boundary. */
export class LocalFanout implements Fanout {
  async join(): Promise<void> {}
  async leave(): Promise<void> {}
  publish(): void {}
  async close(): Promise<void> {}
}
