// Officers' presence (the y-protocols awareness wire format) kept as a small table per room,
// not as a y-protocols Awareness: that one needs a Y.Doc and a timer per room, and the server
// only has to validate, remember and relay presence. The acceptance rule is awareness's own: a
// higher clock wins, and at an equal clock a removal wins.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Same as y-protocols' outdatedTimeout: clients renew their presence every 15 s. */
export const presenceTimeoutMs = 30_000;

interface Entry {
  clock: number;
  /** The state as JSON text, or null once the officer left. */
  state: string | null;
  updatedAt: number;
}

export interface PresenceChange {
  /** The accepted entries re-encoded: what to relay (renewals included, so others keep them). */
  payload: Uint8Array;
  present: number[];
  gone: number[];
}

export class Presence {
  readonly #entries = new Map<number, Entry>();

  /** Applies an awareness update; throws on a malformed one. Null when nothing was accepted. */
  apply(update: Uint8Array, now = Date.now()): PresenceChange | null {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const accepted: number[] = [];
    const present: number[] = [];
    const gone: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      const state = JSON.parse(json) === null ? null : json;
      const current = this.#entries.get(clientId);
      const currentClock = current?.clock ?? 0;
      if (!(currentClock < clock || (currentClock === clock && state === null && current?.state != null))) continue;
      this.#entries.set(clientId, { clock, state, updatedAt: now });
      accepted.push(clientId);
      (state === null ? gone : present).push(clientId);
    }
    if (decoding.hasContent(decoder)) throw new Error('trailing bytes in presence update');
    return accepted.length === 0 ? null : { payload: this.encode(accepted), present, gone };
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
      this.#entries.set(id, { clock: entry.clock + 1, state: null, updatedAt: now });
      removed.push(id);
    }
    return removed.length === 0 ? null : this.encode(removed);
  }

  /** Drops presence nobody renewed in time (e.g. from an instance that died). */
  expire(now = Date.now()): Uint8Array | null {
    const stale = [...this.#entries].filter(([, entry]) => entry.state !== null && now - entry.updatedAt >= presenceTimeoutMs).map(([id]) => id);
    return this.remove(stale, now);
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
