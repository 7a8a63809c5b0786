// `npm run portal [-- --port 8080] [--now 2024-06-03T09:00:00+07:00] [--auth] [--rate-limit N]`: starts the demo portals
// and prints where they are; Ctrl+C stops them.
import { parseArgs } from 'node:util';
import { startDemoPortal } from './server.ts';

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

let values: { port?: string; host?: string; now?: string; auth?: boolean; 'rate-limit'?: string };
try {
  ({ values } = parseArgs({ options: { port: { type: 'string' }, host: { type: 'string' }, now: { type: 'string' }, auth: { type: 'boolean' }, 'rate-limit': { type: 'string' } }, strict: true }));
} catch (error) {
  fail(`Tuỳ chọn không hợp lệ: ${(error as Error).message} / Invalid option: ${(error as Error).message}`);
}
const port = Number(values.port ?? process.env.PORTAL_PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65534) fail(`Cổng "${values.port}" không hợp lệ / Invalid port "${values.port}"`);
const now = values.now === undefined ? new Date() : new Date(values.now);
if (Number.isNaN(now.getTime())) fail(`Thời điểm "${values.now}" không hợp lệ / Invalid time "${values.now}"`);

const rateLimitPerSecond = Number(values['rate-limit'] ?? 0);
if (!Number.isInteger(rateLimitPerSecond) || rateLimitPerSecond < 0) fail(`Giới hạn "${values['rate-limit']}" không hợp lệ / Invalid rate limit "${values['rate-limit']}"`);

let portal;
try {
  portal = await startDemoPortal({ port, host: values.host ?? '127.0.0.1', now, requireAuth: values.auth ?? false, rateLimitPerSecond });
} catch (error) {
  fail(`Không mở được cổng mô phỏng: ${(error as Error).message} / Cannot start the demo portal: ${(error as Error).message}`);
}
console.log(`Cổng iGate mô phỏng / demo iGate portal:             ${portal.igateUrl}/vi/dossier/search`);
console.log(`Cổng DVC quốc gia mô phỏng / demo national portal:  ${portal.dvcqgUrl}/p/home/dvc-tra-cuu-ho-so.html`);
console.log(`CSDL quốc gia về TTHC mô phỏng / demo national TTHC database: ${portal.dvcqgUrl}/p/home/dvc-tthc-quyet-dinh-cong-bo.html`);
const stop = () => void portal.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
