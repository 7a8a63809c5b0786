// How a room's stored updates and presence reach officers connected to OTHER instances. The room
// itself already relays to its own connections; a fan-out only crosses instance boundaries.
export type FanoutKind = 'update' | 'awareness';
export type FanoutReceiver = (kind: FanoutKind, payload: Uint8Array) => void;

export interface Fanout {
  /** Starts receiving the room's messages from other instances; resolves once that is in effect. */
  join(room: string, receive: FanoutReceiver): Promise<void>;
  leave(room: string): Promise<void>;
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
