// Fan-out through Redis pub/sub, one channel per room. Each message carries the sending instance's
// id so an instance ignores its own echo.
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Fanout, FanoutKind, FanoutReceiver } from './fanout.ts';

const idBytes = 16;
const kindCodes: Record<FanoutKind, number> = { update: 0, awareness: 1 };
const kindsByCode: FanoutKind[] = ['update', 'awareness'];
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
    const message = Buffer.concat([Buffer.of(kindCodes[kind]), this.#instance, payload]);
    this.#publisher.publish(channelOf(room), message).catch(() => undefined);
  }

  async close(): Promise<void> {
    await Promise.allSettled([this.#subscriber.quit(), this.#publisher.quit()]);
  }

  #deliver(channel: string, message: Buffer): void {
    const receive = this.#receivers.get(channel);
    const kind = kindsByCode[message[0] ?? -1];
    if (!receive || !kind || message.length < 1 + idBytes) return;
    if (this.#instance.equals(message.subarray(1, 1 + idBytes))) return;
    receive(kind, new Uint8Array(message.buffer, message.byteOffset + 1 + idBytes, message.length - 1 - idBytes));
  }
}
