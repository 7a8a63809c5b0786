// Messages between the offscreen document (which owns the board's Y.Doc, its IndexedDB copy and the
// websocket) and the side panels (each with an in-memory replica). They travel on a BroadcastChannel
// of the extension's origin: Yjs updates in both directions, plus sync status and presence from the
// offscreen document.
import { z } from 'zod';

export const BOARD_CHANNEL = 'tthc-board';

const bytes = z.custom<Uint8Array>((value) => value instanceof Uint8Array);

export const syncStatusSchema = z.object({
  state: z.enum(['local', 'offline', 'connecting', 'refused', 'saving', 'saved']),
  /** Why the server refused: missing | invalid | expired | wrong_unit; offline: unreachable when online but no server answered. */
  reason: z.string().optional(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const peerSchema = z.object({ clientId: z.number(), name: z.string(), editing: z.array(z.string()) });
export type Peer = z.infer<typeof peerSchema>;

/** The names of the colleagues who have the task open. */
export function editorsOf(peers: readonly Peer[], taskId: string): string[] {
  return peers.filter((peer) => peer.editing.includes(taskId)).map((peer) => peer.name);
}

export const channelMessageSchema = z.discriminatedUnion('t', [
  /** Offscreen → panels: started or switched unit; panels (re)introduce themselves. */
  z.object({ t: z.literal('ready'), board: z.string() }),
  /** Panel → offscreen: my state vector, please send what I lack. */
  z.object({ t: z.literal('hello'), board: z.string(), panel: z.string(), stateVector: bytes }),
  /** Offscreen → one panel: what it lacks, and the offscreen state vector so the panel answers in kind. */
  z.object({ t: z.literal('state'), board: z.string(), panel: z.string(), update: bytes, stateVector: bytes }),
  /** Either way: an update made or received by the sender. */
  z.object({ t: z.literal('update'), board: z.string(), from: z.string(), update: bytes }),
  z.object({ t: z.literal('status'), board: z.string(), status: syncStatusSchema, peers: z.array(peerSchema), self: z.number() }),
  /** Panel → offscreen: which tasks this panel's officer has open. */
  z.object({ t: z.literal('editing'), board: z.string(), panel: z.string(), tasks: z.array(z.string()) }),
]);
export type ChannelMessage = z.infer<typeof channelMessageSchema>;

/** A side panel → the background: start the offscreen document if it is not running. */
export const boardRuntimeMessageSchema = z.object({ type: z.literal('board:ensure-sync') });
