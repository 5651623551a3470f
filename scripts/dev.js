// Development: the API (port 3080 unless PORT) and the Vite dev server (http://127.0.0.1:5173) proxying /api to it.
const { spawn } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const apiUrl = `http://127.0.0.1:${process.env.PORT ?? 3080}`;
const children = [
  spawn(process.execPath, ['--enable-source-maps', 'api/dist/server/index.js'], { cwd: root, stdio: 'inherit' }),
  spawn('npm', ['run', 'dev', '-w', '@mcp-registry/client'], { cwd: root, stdio: 'inherit', env: { ...process.env, API_URL: apiUrl } }),
];

let exiting = false;
function stopAll(code) {
  if (exiting) return;
  exiting = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exitCode = code;
}
for (const child of children) child.on('exit', (code) => stopAll(code ?? 0));
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
