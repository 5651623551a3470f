import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import request from 'supertest';
import { AuditAction, SystemRoles } from '@mcp-registry/data-provider';
import { verifyPassword } from '@mcp-registry/data-schemas';
import { startEmbeddedMongo } from '@mcp-registry/embedded-mongo';
import { MongoClient } from 'mongodb';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, runCommand } from '../server/cli/command';
import { commands } from '../server/cli/main';
import { createTestContext } from './support/context';
import type { TestContext } from './support/context';

let ctx: TestContext;
let dataDir: string;
let mongoUri: string;

beforeAll(async () => {
  ctx = await createTestContext('cli-operator');
  const conn = ctx.mongoose.connection;
  mongoUri = `mongodb://${conn.host}:${conn.port}/${conn.name}`;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cli-'));
});
afterAll(async () => {
  await ctx.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

function collect(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function cliWith(env: NodeJS.ProcessEnv, name: string, ...argv: string[]): Promise<CliRun> {
  const spec = commands[name];
  if (!spec) throw new Error(`no command ${name}`);
  const out = collect();
  const err = collect();
  const code = await runCommand(spec, argv, { stdout: out.stream, stderr: err.stream, env, cwd: env.DATA_DIR as string });
  return { code, stdout: out.text(), stderr: err.text() };
}

const cli = (name: string, ...argv: string[]): Promise<CliRun> =>
  cliWith({ NODE_ENV: 'test', MONGO_URI: mongoUri, DATA_DIR: dataDir, LOG_LEVEL: 'error' }, name, ...argv);

const uniqueSlug = () => `cli-${Math.random().toString(36).slice(2, 10)}`;

describe('operator CLI: usage', () => {
  it.each(Object.keys(commands))('%s --help prints usage and exits 0', async (name) => {
    const run = await cli(name, '--help');
    expect(run.code).toBe(EXIT_OK);
    expect(run.stdout).toContain(`Usage: npm run ${name} -- [options]`);
    expect(run.stderr).toBe('');
  });

  it('rejects an unknown option with exit code 2 and a pointer to --help', async () => {
    const run = await cli('create-org', '--name', 'Acme', '--colour', 'red');
    expect(run.code).toBe(EXIT_USAGE);
    expect(run.stderr).toMatch(/create-org: .*--colour/);
    expect(run.stderr).toContain('run with --help for usage');
  });

  it('reports every invalid option at once', async () => {
    const run = await cli('create-user', '--email', 'not-an-email', '--password', 'short', '--role', 'lower');
    expect(run.code).toBe(EXIT_USAGE);
    expect(run.stderr).toContain('--email must be an email address');
    expect(run.stderr).toContain('--password must be 8 to 128 characters');
    expect(run.stderr).toContain('--role must be a role name');
  });

  it('names a missing required option', async () => {
    const run = await cli('set-role', '--email', 'a@example.test');
    expect(run.code).toBe(EXIT_USAGE);
    expect(run.stderr).toContain('--role is required');
  });

  it('rejects a stray positional argument', async () => {
    const run = await cli('list-users', 'extra');
    expect(run.code).toBe(EXIT_USAGE);
  });
});

describe('operator CLI: create-org', () => {
  it('creates the organisation with its system roles and an audit entry', async () => {
    const slug = uniqueSlug();
    const run = await cli('create-org', '--name', 'Acme Corp', '--slug', slug);
    expect(run.code).toBe(EXIT_OK);
    expect(run.stdout).toContain(`slug ${slug}`);
    const org = await ctx.methods.findOrganizationBySlug(slug);
    expect(org?.name).toBe('Acme Corp');
    expect(await ctx.methods.findRole(String(org?._id), SystemRoles.ADMIN)).not.toBeNull();
    expect(await ctx.methods.findRole(String(org?._id), SystemRoles.USER)).not.toBeNull();
    const audit = await ctx.methods.listAuditEntries({ organizationId: String(org?._id), action: AuditAction.ORGANIZATION_CREATE });
    expect(audit.data).toHaveLength(1);
  });

  it('derives the slug from the name when none is given', async () => {
    const name = `Zeta ${uniqueSlug()}`;
    const run = await cli('create-org', '--name', name);
    expect(run.code).toBe(EXIT_OK);
    expect(await ctx.methods.findOrganizationBySlug(name.toLowerCase().replace(/ /g, '-'))).not.toBeNull();
  });

  it('exits 1 with a clear message when the slug is taken, and creates nothing', async () => {
    const slug = uniqueSlug();
    expect((await cli('create-org', '--name', 'First', '--slug', slug)).code).toBe(EXIT_OK);
    const run = await cli('create-org', '--name', 'Second', '--slug', slug);
    expect(run.code).toBe(EXIT_FAILED);
    expect(run.stderr).toContain(`An organisation with slug "${slug}" already exists`);
    expect((await ctx.methods.findOrganizationBySlug(slug))?.name).toBe('First');
  });

  it('rejects a slug with capitals or spaces', async () => {
    const run = await cli('create-org', '--name', 'X', '--slug', 'Not A Slug');
    expect(run.code).toBe(EXIT_USAGE);
    expect(run.stderr).toContain('--slug must be lower-case letters, digits and dashes');
  });
});

describe('operator CLI: users, roles and keys', () => {
  let slug: string;

  beforeAll(async () => {
    slug = uniqueSlug();
    expect((await cli('create-org', '--name', 'People', '--slug', slug)).code).toBe(EXIT_OK);
  });

  it('create-user stores a scrypt hash of the given password and prints no password', async () => {
    const run = await cli('create-user', '--org', slug, '--email', 'Grace@Example.test', '--password', 'correct-horse', '--name', 'Grace');
    expect(run.code).toBe(EXIT_OK);
    expect(run.stdout).not.toContain('correct-horse');
    const stored = await ctx.methods.findUserByEmailWithPassword('grace@example.test');
    expect(stored).toEqual(expect.objectContaining({ name: 'Grace', role: SystemRoles.USER }));
    expect(await verifyPassword('correct-horse', stored?.passwordHash ?? '')).toBe(true);
  });

  it('create-user without --password prints a generated password once, and it logs in', async () => {
    const run = await cli('create-user', '--org', slug, '--email', 'linus@example.test');
    expect(run.code).toBe(EXIT_OK);
    const password = /Password \(shown once\): (\S+)/.exec(run.stdout)?.[1];
    expect(password).toBeDefined();
    const res = await request(ctx.app).post('/api/auth/login').send({ email: 'linus@example.test', password });
    expect(res.status).toBe(200);
  });

  it('create-user exits 1 for a taken email and 1 for an unknown organisation', async () => {
    const taken = await cli('create-user', '--org', slug, '--email', 'grace@example.test', '--password', 'another-one');
    expect(taken.code).toBe(EXIT_FAILED);
    expect(taken.stderr).toContain('A user with this email already exists');
    const noOrg = await cli('create-user', '--org', 'no-such-org', '--email', 'x@example.test');
    expect(noOrg.code).toBe(EXIT_FAILED);
    expect(noOrg.stderr).toContain('Organisation "no-such-org" not found');
    expect(await ctx.methods.findUserByEmail('x@example.test')).toBeNull();
  });

  it('create-user with a role the organisation lacks exits 2 and creates nothing', async () => {
    const run = await cli('create-user', '--org', slug, '--email', 'nora@example.test', '--role', 'AUDITOR');
    expect(run.code).toBe(EXIT_USAGE);
    expect(run.stderr).toContain('Unknown role "AUDITOR"');
    expect(await ctx.methods.findUserByEmail('nora@example.test')).toBeNull();
  });

  it('set-role changes the role and audits it as done through the CLI', async () => {
    const run = await cli('set-role', '--email', 'grace@example.test', '--role', SystemRoles.ADMIN);
    expect(run.code).toBe(EXIT_OK);
    const user = await ctx.methods.findUserByEmail('grace@example.test');
    expect(user?.role).toBe(SystemRoles.ADMIN);
    const audit = await ctx.methods.listAuditEntries({ organizationId: String(user?.organizationId), action: AuditAction.USER_UPDATE });
    expect(audit.data[0]?.details).toEqual(expect.objectContaining({ fromRole: SystemRoles.USER, toRole: SystemRoles.ADMIN, via: 'cli' }));
  });

  it('set-role exits 1 for an unknown user and 2 for an unknown role', async () => {
    expect((await cli('set-role', '--email', 'ghost@example.test', '--role', 'USER')).code).toBe(EXIT_FAILED);
    const badRole = await cli('set-role', '--email', 'grace@example.test', '--role', 'NOPE');
    expect(badRole.code).toBe(EXIT_USAGE);
    expect((await ctx.methods.findUserByEmail('grace@example.test'))?.role).toBe(SystemRoles.ADMIN);
  });

  it('create-api-key prints a key once that authenticates the user, stored only as a hash', async () => {
    const run = await cli('create-api-key', '--email', 'grace@example.test', '--name', 'ci', '--expires-in-days', '30');
    expect(run.code).toBe(EXIT_OK);
    const key = /Key \(shown once\): (\S+)/.exec(run.stdout)?.[1] ?? '';
    expect(key).toMatch(/^mcpr_/);
    const res = await request(ctx.app).get('/api/user').set('Authorization', `Bearer ${key}`);
    expect(res.status).toBe(200);
    expect(res.body.email).toBe('grace@example.test');
    const user = await ctx.methods.findUserByEmail('grace@example.test');
    const keys = await ctx.methods.listApiKeys({ organizationId: String(user?.organizationId), userId: String(user?._id) });
    expect(keys.data).toHaveLength(1);
    expect(JSON.stringify(keys.data)).not.toContain(key);
    expect(keys.data[0]?.expiresAt).toBeInstanceOf(Date);
  });

  it('create-api-key rejects an expiry out of range', async () => {
    const run = await cli('create-api-key', '--email', 'grace@example.test', '--name', 'ci', '--expires-in-days', '0');
    expect(run.code).toBe(EXIT_USAGE);
    expect(run.stderr).toContain('--expires-in-days must be an integer from 1 to 3650');
  });

  it('list-users prints the organisation’s users, as a table or as JSON pages', async () => {
    const table = await cli('list-users', '--org', slug);
    expect(table.code).toBe(EXIT_OK);
    expect(table.stdout).toContain('grace@example.test');
    expect(table.stdout).toContain('linus@example.test');
    const first = await cli('list-users', '--org', slug, '--json', '--limit', '1');
    const page = JSON.parse(first.stdout) as { data: Array<{ email: string }>; has_more: boolean; after: string };
    expect(page.data).toHaveLength(1);
    expect(page.has_more).toBe(true);
    const second = await cli('list-users', '--org', slug, '--json', '--limit', '1', '--after', page.after);
    const next = JSON.parse(second.stdout) as { data: Array<{ email: string }> };
    expect(next.data[0]?.email).not.toBe(page.data[0]?.email);
  });

  it('list-users rejects a bad limit and a forged cursor with exit code 2', async () => {
    expect((await cli('list-users', '--org', slug, '--limit', '500')).code).toBe(EXIT_USAGE);
    const forged = await cli('list-users', '--org', slug, '--after', 'not-a-cursor');
    expect(forged.code).toBe(EXIT_USAGE);
    expect(forged.stderr).toContain('--after');
  });
});

describe('operator CLI: with the embedded engine of DATA_DIR', () => {
  let ownDir: string;
  beforeEach(() => {
    ownDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-cli-engine-'));
  });
  afterEach(() => fs.rmSync(ownDir, { recursive: true, force: true }));

  const embeddedEnv = () => ({ NODE_ENV: 'test', DATA_DIR: ownDir, LOG_LEVEL: 'error' });
  const engineFile = (uri: string, pid: number) =>
    fs.writeFileSync(path.join(ownDir, 'engine.json'), JSON.stringify({ uri, pid, dbPath: path.join(ownDir, 'db') }));

  async function organizationSlugs(uri: string): Promise<string[]> {
    const client = await MongoClient.connect(uri);
    try {
      return (await client.db('mcp-registry').collection('organizations').find().toArray()).map((o) => o.slug as string);
    } finally {
      await client.close();
    }
  }

  it('works in the running server’s engine named in engine.json while that engine holds the data directory', async () => {
    const engine = await startEmbeddedMongo({ port: 0, dbPath: path.join(ownDir, 'db') });
    try {
      engineFile(`${engine.uri}mcp-registry`, process.pid);
      const run = await cliWith(embeddedEnv(), 'create-org', '--name', 'Live', '--slug', 'live-engine');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(EXIT_OK);
      expect(await organizationSlugs(engine.uri)).toContain('live-engine');
    } finally {
      await engine.stop();
    }
  });

  it('ignores an engine.json left by a killed server, even one naming a live pid, and opens the data directory itself', async () => {
    engineFile('mongodb://127.0.0.1:1/mcp-registry', process.pid);
    const run = await cliWith(embeddedEnv(), 'create-org', '--name', 'After crash', '--slug', 'after-crash');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(EXIT_OK);
    const engine = await startEmbeddedMongo({ port: 0, dbPath: path.join(ownDir, 'db') });
    try {
      expect(await organizationSlugs(engine.uri)).toEqual(['after-crash']);
    } finally {
      await engine.stop();
    }
  });
});
