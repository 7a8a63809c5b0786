// A message relayed to many officers, framed once. Every connection of a room receives the same
// bytes, and a server's websocket frames are never masked (RFC 6455 §5.1), so the frame is the
// same for all of them: it is built once and written as is to each receiver's socket. Sent
// through ws instead, each receiver costs a framing of its own and a corked two-part write
// (header and body), which bench:sync showed as the largest part of the relay's CPU.

/** FIN set, opcode 2 (binary): a whole binary message in one frame (RFC 6455 §5.2). */
const finalBinaryFrame = 0x82;

export class RelayedMessage {
  readonly bytes: Uint8Array;
  #frame: Buffer | null = null;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
  }

  /** The whole websocket frame: header, then the message. Built on first use. */
  get frame(): Buffer {
    this.#frame ??= websocketFrame(this.bytes);
    return this.#frame;
  }
}

/** An unmasked binary frame holding `payload`, with the shortest length encoding the RFC allows. */
export function websocketFrame(payload: Uint8Array): Buffer {
  const length = payload.byteLength;
  const headerLength = length < 126 ? 2 : length < 0x10000 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = finalBinaryFrame;
  if (length < 126) frame[1] = length;
  else if (length < 0x10000) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, headerLength);
  return frame;
}
