// Entry for `npm start` and `npm test`. Plain JavaScript on purpose: it must run on whatever Node
// a fresh machine has, install the project's dependencies (which pin Node 24), then hand over to
// the TypeScript script under that Node.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const [task, ...rest] = process.argv.slice(2);
const pinnedNode = join(root, 'node_modules', '.bin', 'node');

function run(cmd, args) {
  return spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;
}

if (!existsSync(pinnedNode) || !existsSync(join(root, 'node_modules', '.package-lock.json'))) {
  console.log('Đang cài các gói phụ thuộc / installing dependencies (npm ci)…');
  const installed = run('npm', [existsSync(join(root, 'package-lock.json')) ? 'ci' : 'install', '--no-audit', '--no-fund']);
  if (installed !== 0) {
    console.error('Không cài được các gói phụ thuộc; hãy chạy "npm ci" và đọc lỗi ở trên. / Could not install dependencies; run "npm ci" and read the error above.');
    process.exit(installed);
  }
}
process.exit(run(pinnedNode, [join(root, 'scripts', `${task}.ts`), ...rest]));
