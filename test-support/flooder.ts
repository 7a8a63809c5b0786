// A stock y-websocket client in its own process that floods a room: COUNT updates, each a new
// key, PER_TURN per turn of its event loop. Run apart from the test so that the flood's own
// client-side work does not delay the clients the test measures, as on separate computers.
// Prints one JSON line per event: {"closed": {code, reason}} for each close by the server,
// then {"sent": COUNT} once every update was made locally.
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

const [url, room, token, count, perTurn] = process.argv.slice(2) as [string, string, string, string, string];
const doc = new Y.Doc();
const provider = new WebsocketProvider(url, room, doc, {
  params: { token },
  WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
  disableBc: true,
  maxBackoffTime: 200,
});
provider.on('connection-close', (event) => {
  if (event) console.log(JSON.stringify({ closed: { code: event.code, reason: event.reason } }));
});
await new Promise<void>((resolve) => provider.once('sync', () => resolve()));
const flood = doc.getMap<number>('flood');
for (let i = 0; i < Number(count); i += 1) {
  flood.set(`k${i}`, i);
  if (i % Number(perTurn) === Number(perTurn) - 1) await new Promise((resolve) => setTimeout(resolve, 0));
}
console.log(JSON.stringify({ sent: Number(count) }));
// Stays connected (reconnecting as the stock client does) until the test kills it.
