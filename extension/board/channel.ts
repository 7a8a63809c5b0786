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
  /** The server refused a change this replica sent (too large, a quota, a rate limit): it is kept here and sent again. */
  rejected: z.object({ reason: z.string(), change: z.string().nullable() }).optional(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** Who a token names, as the server says: GET /auth/check answers it, and it stamps every presence state with it. */
export const tokenUserSchema = z.object({ sub: z.string().min(1).max(200), role: z.string().min(1).max(40) });
export type TokenUser = z.infer<typeof tokenUserSchema>;

/** `user`: the token's user the server stamped on the state; null from a server that does not stamp. */
export const peerSchema = z.object({ clientId: z.number(), name: z.string(), user: tokenUserSchema.nullable(), editing: z.array(z.string()) });
export type Peer = z.infer<typeof peerSchema>;

/** A colleague's presence from their awareness state: the name they typed, and the user the server vouches for. */
export function peerFromState(clientId: number, state: Record<string, unknown>): Peer {
  const name = typeof state.name === 'string' ? state.name.slice(0, 80) : '?';
  const user = tokenUserSchema.safeParse(state.user);
  const editing = Array.isArray(state.editing) ? state.editing.filter((id): id is string => typeof id === 'string') : [];
  return { clientId, name, user: user.success ? user.data : null, editing };
}

/** How an officer is shown: the token's user first (it cannot be forged), the display name beside it. */
export function personLabel(name: string, user: TokenUser | null): string {
  if (!user) return name;
  return name === '' || name === user.sub ? user.sub : `${user.sub} (${name})`;
}

/** The colleagues who have the task open, as they are shown. */
export function editorsOf(peers: readonly Peer[], taskId: string): string[] {
  return peers.filter((peer) => peer.editing.includes(taskId)).map((peer) => personLabel(peer.name, peer.user));
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
  /** `user`: this officer as the server knows them (learned from /auth/check); null until then, or with no server. */
  z.object({ t: z.literal('status'), board: z.string(), status: syncStatusSchema, peers: z.array(peerSchema), self: z.number(), user: tokenUserSchema.nullable() }),
  /** Panel → offscreen: which tasks this panel's officer has open. */
  z.object({ t: z.literal('editing'), board: z.string(), panel: z.string(), tasks: z.array(z.string()) }),
]);
export type ChannelMessage = z.infer<typeof channelMessageSchema>;

/** A side panel → the background: start the offscreen document if it is not running. */
export const boardRuntimeMessageSchema = z.object({ type: z.literal('board:ensure-sync') });
