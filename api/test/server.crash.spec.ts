import { spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { assertServerBuilt, exitOf, login, serverEnv, startServer } from './support/serverProcess';
import type { RunningServer } from './support/serverProcess';
import { WriteLedger } from './support/writeLedger';

const ADMIN = { email: 'root@example.test', password: 'crash-test-admin-pass' };
const WRITERS = 8;
const ACKS_BEFORE_KILL = 120;
const UNSHARE = ['unshare', '--pid', '--fork', '--mount-proc', '--kill-child'];

/** Whether this machine lets us make a pid namespace (root, util-linux); the reason when not. */
function pidNamespaceUnavailable(): string | null {
  const probe = spawnSync(UNSHARE[0] as string, [...UNSHARE.slice(1), 'true'], { encoding: 'utf8' });
  if (probe.error) return `unshare is not available (${probe.error.message})`;
  if (probe.status !== 0) return `unshare cannot make a pid namespace here: ${probe.stderr.trim()}`;
  return null;
}

const namespaceProblem = pidNamespaceUnavailable();
if (namespaceProblem) process.stderr.write(`[server.crash] skipping the pid-namespace restarts: ${namespaceProblem}\n`);
const inNamespaceIt = namespaceProblem ? it.skip : it;

/** The server process itself: the child, or under `unshare --fork` the child's only child (pid 1 inside). */
function serverPid(running: RunningServer, wrapped: boolean): number {
  const pid = running.child.pid as number;
  if (!wrapped) return pid;
  const children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/);
  expect(children).toHaveLength(1);
  return Number(children[0]);
}

async function storedGroups(url: string, token: string): Promise<Array<{ id: string; name: string; description?: string }>> {
  const all: Array<{ id: string; name: string; description?: string }> = [];
  let after: string | null = null;
  do {
    const query: string = `limit=100${after ? `&after=${encodeURIComponent(after)}` : ''}`;
    const res = await fetch(`${url}/api/groups?${query}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const page = (await res.json()) as { data: Array<{ id: string; name: string; description?: string }>; has_more: boolean; after: string | null };
    all.push(...page.data);
    after = page.has_more ? page.after : null;
  } while (after);
  return all;
}

async function loggedIn(running: RunningServer): Promise<string> {
  const res = await login(running.url, ADMIN.email, ADMIN.password);
  expect(res.status).toBe(200);
  return res.body.token as string;
}

let dir: string;
const children: ChildProcess[] = [];

beforeAll(assertServerBuilt);
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpr-crash-'));
});
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * `kills` rounds of: start the server on one DATA_DIR, write concurrently, SIGKILL the server process mid-load,
 * restart and compare every group with what its writes were told. The last start checks the final state.
 */
async function killDuringWrites(kills: number, wrapper: string[]): Promise<{ acknowledged: number; unanswered: number; lockPids: number[] }> {
  const env = serverEnv({ DATA_DIR: path.join(dir, 'data'), ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, LOG_LEVEL: 'warn' });
  const lockFile = path.join(dir, 'data', 'db', 'mongod.lock');
  const ledgers: WriteLedger[] = [];
  const lockPids: number[] = [];
  for (let round = 0; round <= kills; round++) {
    const running = await startServer(dir, { ...env, LOG_LEVEL: 'info' }, wrapper);
    children.push(running.child);
    const token = await loggedIn(running);
    const stored = await storedGroups(running.url, token);
    for (const ledger of ledgers) expect(ledger.check(stored).lost).toEqual([]);
    if (round === kills) {
      running.child.removeAllListeners('exit');
      process.kill(serverPid(running, wrapper.length > 0), 'SIGKILL');
      await exitOf(running.child);
      break;
    }
    const ledger = new WriteLedger(running.url, token);
    ledgers.push(ledger);
    let settled = false;
    const load = ledger.run(WRITERS, `r${round}`).finally(() => (settled = true));
    while (!settled && ledger.counts.acknowledged < ACKS_BEFORE_KILL) await new Promise((r) => setTimeout(r, 5));
    running.child.removeAllListeners('exit');
    process.kill(serverPid(running, wrapper.length > 0), 'SIGKILL');
    await load;
    await exitOf(running.child);
    lockPids.push(JSON.parse(fs.readFileSync(lockFile, 'utf8')).pid as number);
  }
  const acknowledged = ledgers.reduce((sum, l) => sum + l.counts.acknowledged, 0);
  const unanswered = ledgers.reduce((sum, l) => sum + l.counts.unanswered, 0);
  process.stdout.write(`[server.crash] ${wrapper.length ? 'pid namespace' : 'plain'}: ${kills} kills, ${acknowledged} acknowledged writes all found, ${unanswered} cut off\n`);
  return { acknowledged, unanswered, lockPids };
}

describe('the server killed with SIGKILL during concurrent writes', () => {
  it('restarts on the same data directory with every acknowledged create, update and delete in place', async () => {
    const { acknowledged } = await killDuringWrites(2, []);
    expect(acknowledged).toBeGreaterThanOrEqual(2 * ACKS_BEFORE_KILL);
  }, 90_000);

  inNamespaceIt('restarts as pid 1 of a fresh pid namespace, where the lock it left names pid 1, and loses nothing', async () => {
    const { acknowledged, lockPids } = await killDuringWrites(1, UNSHARE);
    expect(lockPids).toEqual([1]);
    expect(acknowledged).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
  }, 90_000);
});
