// Builds the client unless client/dist is newer than every input, so `npm start` stays fast after the first run.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const client = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(client, 'dist', '.build-stamp');
const inputs = ['src', 'index.html', 'vite.config.ts', 'package.json', 'scripts/generateApi.mjs', '../packages/data-provider/src'];

function newest(path) {
  const stat = statSync(path, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).filter((name) => name !== 'schema.gen.ts').map((name) => newest(join(path, name))));
}

const built = statSync(stamp, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (built > 0 && inputs.every((input) => newest(join(client, input)) < built)) process.exit(0);
const run = (script) => execFileSync(process.execPath, [script], { cwd: client, stdio: 'inherit' });
run(join(client, 'scripts', 'generateApi.mjs'));
const vite = join(dirname(createRequire(import.meta.url).resolve('vite/package.json')), 'bin', 'vite.js');
execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: client, stdio: 'inherit' });
writeFileSync(stamp, `${new Date().toISOString()}\n`);
