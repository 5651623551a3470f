// Prints the production bundle's gzipped size (JS + CSS) and fails when it exceeds the budget.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 300;
const assets = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'assets');
const files = readdirSync(assets).filter((f) => /\.(js|css)$/.test(f));
const sizes = files.map((f) => ({ file: f, gzip: gzipSync(readFileSync(join(assets, f)), { level: 9 }).length }));
const totalKb = sizes.reduce((sum, s) => sum + s.gzip, 0) / 1024;
for (const s of sizes) console.log(`${s.file}: ${(s.gzip / 1024).toFixed(1)} kB gzipped`);
console.log(`client bundle: ${totalKb.toFixed(1)} kB gzipped (budget ${BUDGET_KB} kB)`);
if (totalKb > BUDGET_KB) process.exit(1);
