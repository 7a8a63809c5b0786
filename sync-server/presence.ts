// Officers' presence (the y-protocols awareness wire format) kept as a small table per room,
// not as a y-protocols Awareness: that one needs a Y.Doc and a timer per room, and the server
// only has to validate, remember and relay presence. The acceptance rule is awareness's own: a
// higher clock wins, and at an equal clock a removal wins. On top of it, presence tells the
// truth: a connection changes only its own officer's states, stamped with the token's identity.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Same as y-protocols' outdatedTimeout: clients renew their presence every 15 s. */
export const presenceTimeoutMs = 30_000;

/** Presence states may hold at most this many client ids per connection (a stock client has one). */
export const maxPresenceIdsPerConnection = 4;

/** Who sent a presence update from this instance; presence from another instance has none. */
export interface PresenceAuthor {
  sub: string;
  role: string;
  /** The client ids this connection holds; the table adds and removes them. */
  ids: Set<number>;
}

interface Entry {
  clock: number;
  /** The state as JSON text, or null once the officer left. */
  state: string | null;
  updatedAt: number;
  /** The `sub` whose token set this state; null when another instance did not say. */
  owner: string | null;
  /** The ids of the connection holding it here; null once it left or when it is held elsewhere. */
  holder: Set<number> | null;
}

export interface PresenceChange {
  /** The accepted entries re-encoded: what to relay (renewals included, so others keep them). */
  payload: Uint8Array | null;
  /** Changes to another connection's or user's state, dropped. */
  refused: number;
}

export class Presence {
  readonly #entries = new Map<number, Entry>();

  /**
   * Applies an awareness update; throws on a malformed one. From a connection (`author`), only
   * the ids it holds, or new ones (a few), or its own user's from an earlier connection are
   * accepted, and each state is stamped `user: {sub, role}` whatever the client wrote there.
   */
  apply(update: Uint8Array, author: PresenceAuthor | null, now = Date.now()): PresenceChange {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const accepted: number[] = [];
    let refused = 0;
    for (let i = 0; i < count; i += 1) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      const parsed: unknown = JSON.parse(json);
      const current = this.#entries.get(clientId);
      const currentClock = current?.clock ?? 0;
      // Stock clients echo every state they receive: an old clock is not news, and no forgery.
      if (!(currentClock < clock || (currentClock === clock && parsed === null && current?.state != null))) continue;
      const entry = author ? this.#authored(clientId, clock, parsed, current, author, now) : this.#relayed(clock, json, parsed, now);
      if (!entry) {
        refused += 1;
        continue;
      }
      this.#entries.set(clientId, entry);
      accepted.push(clientId);
      if (author && entry.state !== null) author.ids.add(clientId);
      else author?.ids.delete(clientId);
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes in presence update');
    return { payload: accepted.length === 0 ? null : this.encode(accepted), refused };
  }

  /** Everyone present now, for a connection that just joined; null when nobody is. */
  snapshot(): Uint8Array | null {
    const ids = [...this.#entries].filter(([, entry]) => entry.state !== null).map(([id]) => id);
    return ids.length === 0 ? null : this.encode(ids);
  }

  /** Marks these officers as gone (their connection closed); returns the update to relay. */
  remove(ids: Iterable<number>, now = Date.now()): Uint8Array | null {
    const removed: number[] = [];
    for (const id of ids) {
      const entry = this.#entries.get(id);
      if (!entry || entry.state === null) continue;
      this.#entries.set(id, { ...entry, clock: entry.clock + 1, state: null, updatedAt: now, holder: null });
      removed.push(id);
    }
    return removed.length === 0 ? null : this.encode(removed);
  }

  /** Drops presence nobody renewed in time (e.g. from an instance that died). */
  expire(now = Date.now()): Uint8Array | null {
    const stale = [...this.#entries].filter(([, entry]) => entry.state !== null && now - entry.updatedAt >= presenceTimeoutMs).map(([id]) => id);
    return this.remove(stale, now);
  }

  #authored(clientId: number, clock: number, parsed: unknown, current: Entry | undefined, author: PresenceAuthor, now: number): Entry | null {
    const held = current?.holder === author.ids;
    // The same officer may take over from an earlier connection (a reconnect before the old
    // socket was found dead); nobody else may.
    if (!held && current !== undefined && current.owner !== author.sub) return null;
    if (!held && author.ids.size >= maxPresenceIdsPerConnection) return null;
    if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) return null;
    if (!held) current?.holder?.delete(clientId);
    if (parsed === null) return { clock, state: null, updatedAt: now, owner: author.sub, holder: null };
    const state = JSON.stringify({ ...parsed, user: { sub: author.sub, role: author.role } });
    return { clock, state, updatedAt: now, owner: author.sub, holder: author.ids };
  }

  /** Another instance checked and stamped it already. */
  #relayed(clock: number, json: string, parsed: unknown, now: number): Entry {
    const owner = (parsed as { user?: { sub?: unknown } } | null)?.user?.sub;
    return { clock, state: parsed === null ? null : json, updatedAt: now, owner: typeof owner === 'string' ? owner : null, holder: null };
  }

  encode(ids: readonly number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, ids.length);
    for (const id of ids) {
      const entry = this.#entries.get(id);
      encoding.writeVarUint(encoder, id);
      encoding.writeVarUint(encoder, entry?.clock ?? 0);
      encoding.writeVarString(encoder, entry?.state ?? 'null');
    }
    return encoding.toUint8Array(encoder);
  }
}
