// Fan-out through Redis pub/sub, one channel per room. Each message carries the sending instance's
// id, so an instance ignores its own echo, and a recipient id (zeros: every instance), so a reply
// reaches only the instance it answers.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Fanout, FanoutKind, FanoutReceiver } from './fanout.ts';

const idBytes = 16;
const headerBytes = 1 + 2 * idBytes;
const everyone = Buffer.alloc(idBytes);
const kindCodes: Record<FanoutKind, number> = { update: 0, awareness: 1, syncStep1: 2, syncStep2: 3 };
const kindsByCode: FanoutKind[] = ['update', 'awareness', 'syncStep1', 'syncStep2'];
const channelOf = (room: string) => `tthc-desk:room:${room}`;

export class RedisFanout implements Fanout {
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #instance = randomBytes(idBytes);
  readonly #receivers = new Map<string, FanoutReceiver>();

  private constructor(publisher: Redis, subscriber: Redis) {
    this.#publisher = publisher;
    this.#subscriber = subscriber;
    subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.#deliver(channel.toString(), message));
  }

  static async open(url: string): Promise<RedisFanout> {
    const options = { lazyConnect: true, maxRetriesPerRequest: 3 };
    const publisher = new Redis(url, options);
    const subscriber = new Redis(url, options);
    // Connection errors are retried by ioredis; logging each one would flood the output.
    publisher.on('error', () => undefined);
    subscriber.on('error', () => undefined);
    await Promise.all([publisher.connect(), subscriber.connect()]);
    return new RedisFanout(publisher, subscriber);
  }

  async join(room: string, receive: FanoutReceiver): Promise<void> {
    this.#receivers.set(channelOf(room), receive);
    await this.#subscriber.subscribe(channelOf(room));
  }

  async leave(room: string): Promise<void> {
    this.#receivers.delete(channelOf(room));
    await this.#subscriber.unsubscribe(channelOf(room));
  }

  publish(room: string, kind: FanoutKind, payload: Uint8Array): void {
    this.#send(channelOf(room), kind, everyone, payload);
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.#subscriber.quit(), this.#publisher.quit()]);
  }

  #send(channel: string, kind: FanoutKind, recipient: Buffer, payload: Uint8Array): void {
    const message = Buffer.concat([Buffer.of(kindCodes[kind]), this.#instance, recipient, payload]);
    this.#publisher.publish(channel, message).catch(() => undefined);
  }

  #deliver(channel: string, message: Buffer): void {
    const receive = this.#receivers.get(channel);
    const kind = kindsByCode[message[0] ?? -1];
    if (!receive || !kind || message.length < headerBytes) return;
    const sender = Buffer.from(message.subarray(1, 1 + idBytes));
    const recipient = message.subarray(1 + idBytes, headerBytes);
    if (this.#instance.equals(sender)) return;
    const direct = !everyone.equals(recipient);
    if (direct && !this.#instance.equals(recipient)) return;
    const payload = new Uint8Array(message.buffer, message.byteOffset + headerBytes, message.length - headerBytes);
    receive(kind, payload, { direct, reply: (replyKind, replyPayload) => this.#send(channel, replyKind, sender, replyPayload) });
  }
}
