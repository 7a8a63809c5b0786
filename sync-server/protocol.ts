// The y-websocket wire format (what the stock client speaks), plus message 100: the "saved on the
// server" acknowledgement a client asks for with ack=1 (shared/sync/messages.ts). Parsing turns bytes into a closed set of messages and
// throws on anything else, so a malformed frame is refused before it touches a room.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { messageSavedAck } from '../shared/sync/messages.ts';

export { messageSavedAck };

const messageSync = 0;
const messageAwareness = 1;
const messageQueryAwareness = 3;

const syncStep1 = 0;
const syncStep2 = 1;
const syncUpdate = 2;

export type ClientMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; payload: Uint8Array }
  | { type: 'queryAwareness' };

export class MalformedMessage extends Error {}

export function parseClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const type = decoding.readVarUint(decoder);
    const message = readBody(type, decoder);
    if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes');
    return message;
  } catch (error) {
    throw error instanceof MalformedMessage ? error : new MalformedMessage((error as Error).message);
  }
}

function readBody(type: number, decoder: decoding.Decoder): ClientMessage {
  if (type === messageAwareness) return { type: 'awareness', payload: decoding.readVarUint8Array(decoder) };
  if (type === messageQueryAwareness) return { type: 'queryAwareness' };
  if (type !== messageSync) throw new MalformedMessage(`unknown message type ${type}`);
  const step = decoding.readVarUint(decoder);
  if (step === syncStep1) {
    const stateVector = decoding.readVarUint8Array(decoder);
    Y.decodeStateVector(stateVector);
    return { type: 'syncStep1', stateVector };
  }
  if (step !== syncStep2 && step !== syncUpdate) throw new MalformedMessage(`unknown sync step ${step}`);
  const update = decoding.readVarUint8Array(decoder);
  // Reading every struct now means an update that Yjs cannot read is never stored.
  Y.decodeUpdate(update);
  return { type: 'update', update };
}

/** Zero structs and an empty delete set: the two-byte update Yjs encodes for "nothing". */
export const isEmptyUpdate = (update: Uint8Array) => update.byteLength === 2 && update[0] === 0 && update[1] === 0;

function encode(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** Sync step 1 carrying the server's state vector. */
export const encodeSyncStep1Of = (stateVector: Uint8Array) =>
  encode((e) => {
    encoding.writeVarUint(e, messageSync);
    encoding.writeVarUint(e, syncStep1);
    encoding.writeVarUint8Array(e, stateVector);
  });

/** Sync step 2 carrying what the client lacks. */
export const encodeSyncStep2Of = (missing: Uint8Array) =>
  encode((e) => {
    encoding.writeVarUint(e, messageSync);
    encoding.writeVarUint(e, syncStep2);
    encoding.writeVarUint8Array(e, missing);
  });

export const encodeUpdate = (update: Uint8Array) =>
  encode((e) => {
    encoding.writeVarUint(e, messageSync);
    encoding.writeVarUint(e, syncUpdate);
    encoding.writeVarUint8Array(e, update);
  });

export const encodeAwareness = (payload: Uint8Array) =>
  encode((e) => {
    encoding.writeVarUint(e, messageAwareness);
    encoding.writeVarUint8Array(e, payload);
  });

export const encodeSavedAck = (storedStateVector: Uint8Array) =>
  encode((e) => {
    encoding.writeVarUint(e, messageSavedAck);
    encoding.writeVarUint8Array(e, storedStateVector);
  });
