#!/usr/bin/env node
/**
 * `npm run bench`: one process, one run, no response cache anywhere. Starts the embedded engine in memory in a
 * child process (a database never runs inside the service's process in production), or uses MONGO_URI when set;
 * builds the real app on the built dist and measures it with autocannon.
 *
 * Every HTTP row is a ratio to the **floor route**, measured in the same run in interleaved 1-second slices with the
 * row itself (so load from anything else on the machine falls on both alike): an authenticated
 * `GET /api/users/:id` — cached caller, role check, id validation, one indexed findOne by `_id` through the same
 * driver and database, a small JSON body. It is the cheapest request that touches the database on this stack.
 *
 * Modules: every scripts/bench/*.js exporting `{ async run(ctx) { return [row, …] } }`, run in name order. `ctx`:
 *   measure(name, request, { target })   one row, paired with the floor; request = { method, path, headers, body }
 *                                        (body may be a function returning a new body per request)
 *   measurePair(a, b)                    two requests interleaved; b's row carries ratio = b req/s ÷ a req/s
 *   floor                                the floor request, for modules that need it
 *   makeOrg, makeUser, makeAdmin, tokenFor, apiKeyFor, methods, models, request(method, path, options),
 *   countDbCommands(fn), baseUrl, app, config
 * A row is `{ name, reqPerSec, p50, p99, ratio, dbCommandsPerRequest, non2xx, target?, met? }` or
 * `{ name, value, unit, target?, met? }`. BENCH_DURATION (seconds per row, default 5), BENCH_CONNECTIONS (default 10)
 * and BENCH_ONLY (comma-separated module names) tune it; BENCH_PROFILE=dir writes CPU profiles.
 */
'use strict';

const fs = require('node:fs');
const inspector = require('node:inspector');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { Writable } = require('node:stream');
const autocannon = require('autocannon');
const { Mongoose } = require('mongoose');
const { spawn } = require('node:child_process');
const { appConfigSchema, SystemRoles } = require('@mcp-registry/data-provider');
const dataSchemas = require('@mcp-registry/data-schemas');
const { createOrganization, createUserAccount } = require('@mcp-registry/api');
const { createApp } = require('../api/dist/server/app');

const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const WARMUP = Math.max(1, Math.round(DURATION / 5));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const unique = () => randomBytes(4).toString('hex');

function listen(app) {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server));
    server.on('error', reject);
  });
}

function close(server) {
  return new Promise((resolve) => server.close(() => resolve()));
}

function cannon(options) {
  return new Promise((resolve, reject) => {
    autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
}

/** The real service's logging cost (one JSON access line per request), written nowhere. */
function discardingLogger() {
  const sink = new Writable({ write: (_chunk, _enc, cb) => cb() });
  return dataSchemas.createLogger({ level: 'info', json: true, stream: sink });
}

/** DNS for the SSRF guard without the network: every name answers a documentation-range public address. */
const offlineLookup = async () => [{ address: '93.184.215.14', family: 4 }];

function benchConfig() {
  return appConfigSchema.parse({
    env: 'production',
    auth: {
      jwtSecret: randomBytes(32).toString('hex'),
      jwtRefreshSecret: randomBytes(32).toString('hex'),
      loginRateLimit: { windowMs: 60_000, max: 1_000_000 },
    },
    gateway: { rateLimitPerMin: 1_000_000_000 },
    mcpSettings: { allowedAddresses: ['127.0.0.1'] },
    credsKey: randomBytes(32).toString('hex'),
    /** The MCP servers the bench starts listen on 127.0.0.1, exempted as an operator would. */
    mcpSettings: { allowedAddresses: ['127.0.0.1'] },
  });
}

async function openWorld(uri) {
  const mongoose = new Mongoose();
  const url = new URL(uri);
  url.pathname = `/bench_${unique()}`;
  await mongoose.connect(url.toString(), { monitorCommands: true, maxPoolSize: 50 });
  const commands = { count: 0 };
  mongoose.connection.getClient().on('commandStarted', () => {
    commands.count += 1;
  });
  const config = benchConfig();
  const logger = discardingLogger();
  const methods = dataSchemas.createMethods(mongoose, { cipher: dataSchemas.createCredentialCipher(config.credsKey) });
  await dataSchemas.ensureIndexes(mongoose);
  const app = createApp({ config, methods, logger, lookup: offlineLookup, isReady: async () => mongoose.connection.readyState === 1 });
  return { mongoose, commands, config, logger, methods, models: dataSchemas.createModels(mongoose), app };
}

function fixtures(world) {
  const deps = { ...world.methods, logger: world.logger };
  const makeOrg = (overrides = {}) => {
    const slug = overrides.slug ?? `bench-${unique()}`;
    return createOrganization(deps, { name: overrides.name ?? `Bench ${slug}`, slug });
  };
  const makeUser = async (org, overrides = {}) => {
    const password = overrides.password ?? `pw-${unique()}-${unique()}`;
    const user = await createUserAccount(deps, String(org._id), {
      email: overrides.email ?? `bench-${unique()}@example.test`,
      name: overrides.name ?? 'Bench User',
      password,
      role: overrides.role ?? SystemRoles.USER,
    });
    return { ...user, id: String(user._id), password };
  };
  const apiKeyFor = async (user, options = {}) => {
    const generated = dataSchemas.generateApiKey();
    await world.methods.createApiKey({
      organizationId: String(user.organizationId),
      userId: String(user._id),
      name: 'bench key',
      prefix: generated.prefix,
      hash: generated.hash,
      expiresAt: options.expiresAt ?? null,
    });
    return generated.key;
  };
  return {
    makeOrg,
    makeUser,
    makeAdmin: (org) => makeUser(org, { role: SystemRoles.ADMIN }),
    apiKeyFor,
    tokenFor: (user) => world.app.tokens.signAccessToken({ sub: String(user._id), org: String(user.organizationId) }),
  };
}

/** autocannon options for one request shape; a `body` function gives every request a body of its own. */
function cannonOptions(request, url) {
  const perRequest = typeof request.body === 'function';
  const fixed = perRequest || request.body === undefined || typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
  const headers = { ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}), ...(request.headers ?? {}) };
  const method = request.method ?? 'GET';
  const options = { url: `${url}${request.path ?? '/'}`, method, headers, connections: CONNECTIONS };
  if (!perRequest) return { ...options, body: fixed };
  const setupRequest = (req) => ({ ...req, body: JSON.stringify(request.body()) });
  return { ...options, requests: [{ method, path: request.path, headers, setupRequest }] };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const sum = (slices, pick) => slices.reduce((n, s) => n + pick(s), 0);

/** Folds timed slices of one target into a row: req/s over all slices, median p50/p99 of the slices. */
function toRow(name, slices) {
  const results = slices.map((s) => s.result);
  const requests = sum(results, (r) => r.requests.total) || 1;
  return {
    name,
    reqPerSec: requests / sum(results, (r) => r.duration),
    mean: median(results.map((r) => r.latency.average)),
    p50: median(results.map((r) => r.latency.p50)),
    p99: median(results.map((r) => r.latency.p99)),
    ratio: 1,
    dbCommandsPerRequest: sum(slices, (s) => s.commands) / requests,
    non2xx: sum(results, (r) => r.non2xx + r.errors),
  };
}

async function timedSlice(world, options, duration) {
  const before = world.commands.count;
  const result = await cannon({ ...options, duration });
  return { result, commands: world.commands.count - before };
}

/** BENCH_PROFILE=dir writes one V8 CPU profile per measured row (this process: service and load generator). */
async function profiled(name, fn) {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return fn();
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (e, r) => (e ? reject(e) : resolve(r))));
  await post('Profiler.enable');
  await post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await post('Profiler.stop');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, `${name.replace(/[^a-z0-9]+/gi, '_')}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

/**
 * Two request shapes interleaved in 1-second slices (alternating which goes first) after a warm-up of each, DURATION
 * seconds each in total; the second row's ratio is its req/s over the first's.
 */
async function interleaved(world, a, b) {
  await cannon({ ...a.options, duration: WARMUP });
  await cannon({ ...b.options, duration: WARMUP });
  const runs = { a: [], b: [] };
  await profiled(b.name, async () => {
    for (let i = 0; i < DURATION; i += 1) {
      const order = i % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
      for (const key of order) runs[key].push(await timedSlice(world, (key === 'a' ? a : b).options, 1));
    }
  });
  const rowA = toRow(a.name, runs.a);
  const rowB = toRow(b.name, runs.b);
  return { a: { ...rowA, slices: runs.a }, b: { ...rowB, ratio: rowB.reqPerSec / rowA.reqPerSec } };
}

function verdict(row) {
  if (row.met === undefined) return '';
  return row.met ? 'met' : 'NOT met';
}

/**
 * Database commands per request, from a few requests sent one at a time (counting during a timed run would also
 * count the commands of requests still in flight when it stops).
 */
async function commandsPerRequest(world, url, request) {
  const send = () => {
    const body = typeof request.body === 'function' ? request.body() : request.body;
    return httpRequest(url, request.method ?? 'GET', request.path ?? '/', { headers: request.headers, body });
  };
  await send();
  const probes = 5;
  const commands = await countDbCommands(world, async () => {
    for (let i = 0; i < probes; i += 1) await send();
  });
  return commands / probes;
}

/** Every floor slice of the run, so the floor's own row covers the whole run. */
function createMeasure(world, url, floor) {
  const floorSlices = [];
  const floorShape = { name: floor.name, options: cannonOptions(floor.request, url) };
  async function measure(name, request, options = {}) {
    const dbCommandsPerRequest = await commandsPerRequest(world, url, request);
    const { a, b } = await interleaved(world, floorShape, { name, options: cannonOptions(request, url) });
    floorSlices.push(...a.slices);
    const target = options.target;
    const met = target === undefined ? undefined : b.ratio >= target && b.non2xx === 0;
    return { ...b, dbCommandsPerRequest, target: target === undefined ? undefined : `≥ ${target}`, met };
  }
  async function measurePair(first, second) {
    const commands = [await commandsPerRequest(world, url, first.request), await commandsPerRequest(world, url, second.request)];
    const { a, b } = await interleaved(world, { name: first.name, options: cannonOptions(first.request, url) }, { name: second.name, options: cannonOptions(second.request, url) });
    const { slices, ...rowA } = a;
    return [{ ...rowA, dbCommandsPerRequest: commands[0] }, { ...b, dbCommandsPerRequest: commands[1] }];
  }
  const floorRow = async () => ({ ...toRow(`floor: ${floor.name}`, floorSlices), ratio: 1, dbCommandsPerRequest: await commandsPerRequest(world, url, floor.request) });
  return { measure, measurePair, floorRow };
}

async function countDbCommands(world, fn) {
  const before = world.commands.count;
  await fn();
  return world.commands.count - before;
}

async function httpRequest(baseUrl, method, urlPath, options = {}) {
  const hasBody = options.body !== undefined;
  const res = await fetch(`${baseUrl}${urlPath}`, {
    method,
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...(options.headers ?? {}) },
    body: hasBody ? JSON.stringify(options.body) : undefined,
  });
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('application/json');
  return { status: res.status, headers: res.headers, body: text && isJson ? JSON.parse(text) : text || undefined };
}

const num = (value, digits) => (typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '-');

function printTable(rows) {
  const header = ['benchmark', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'db cmds/req', 'non-2xx', 'value', 'target', 'verdict'];
  const lines = rows.map((r) => [
    String(r.name ?? '?'),
    num(r.reqPerSec, 0),
    num(r.p50, 1),
    num(r.p99, 1),
    num(r.ratio, 2),
    num(r.dbCommandsPerRequest, 2),
    typeof r.non2xx === 'number' ? String(r.non2xx) : '-',
    r.value !== undefined ? `${r.value} ${r.unit ?? ''}`.trim() : '',
    r.target ?? '',
    verdict(r),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const left = new Set([0, 7, 8, 9]);
  const fmt = (cells) => cells.map((c, i) => (left.has(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${fmt(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const l of lines) console.log(fmt(l).trimEnd());
}

/** BENCH_ONLY=mcpServers,ssrf runs only those modules. */
function benchModules() {
  const dir = path.join(__dirname, 'bench');
  if (!fs.existsSync(dir)) return [];
  const only = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.js') && (!only || only.has(f.slice(0, -3))))
    .sort()
    .map((f) => ({ file: f, mod: require(path.join(dir, f)) }));
}

/** The embedded engine's CLI on an ephemeral port, memory only; resolves once it prints its URI. */
function startEngineProcess() {
  const cli = require.resolve('@mcp-registry/embedded-mongo/dist/cli.js');
  const child = spawn(process.execPath, [cli, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const uri = /listening on (mongodb:\/\/\S+)/.exec(output)?.[1];
      if (uri) resolve({ uri, stop, pid: child.pid });
    });
    child.once('exit', (code) => reject(new Error(`embedded-mongo exited with ${code} before listening`)));
  });
}

async function startDatabase() {
  if (process.env.MONGO_URI) return { uri: process.env.MONGO_URI, stop: async () => {} };
  return startEngineProcess();
}

/** The floor: an admin reading one user of their organisation by id (one indexed findOne, a small body). */
async function floorRequest(fx) {
  const org = await fx.makeOrg();
  const admin = await fx.makeAdmin(org);
  const someone = await fx.makeUser(org);
  return { name: 'GET /api/users/:id (one findOne by _id)', request: { path: `/api/users/${someone.id}`, headers: { authorization: `Bearer ${fx.tokenFor(admin)}` } } };
}

async function main() {
  const engine = await startDatabase();
  const world = await openWorld(engine.uri);
  const appServer = await listen(world.app);
  const baseUrl = `http://127.0.0.1:${appServer.address().port}`;
  const fx = fixtures(world);
  const rows = [];
  try {
    console.log(`bench: ${DURATION}s per row (interleaved with the floor) after ${WARMUP}s warm-up, ${CONNECTIONS} connections, node ${process.version}, ${process.env.MONGO_URI ? 'MONGO_URI' : 'embedded engine (child process)'}`);
    const floor = await floorRequest(fx);
    const { measure, measurePair, floorRow } = createMeasure(world, baseUrl, floor);
    const ctx = {
      measure,
      measurePair,
      floor,
      methods: world.methods,
      models: world.models,
      app: world.app,
      config: world.config,
      baseUrl,
      ...fx,
      countDbCommands: (fn) => countDbCommands(world, fn),
      request: (method, urlPath, options) => httpRequest(baseUrl, method, urlPath, options),
    };
    for (const { file, mod } of benchModules()) {
      try {
        rows.push(...(await mod.run(ctx)));
      } catch (error) {
        process.exitCode = 1;
        console.error(`bench module ${file} failed:`, error);
      }
    }
    printTable([await floorRow(), ...rows]);
    console.log('\nratio: req/s of the row over req/s of the floor in the same interleaved slices (higher is better).');
  } finally {
    await close(appServer);
    await world.mongoose.disconnect();
    await engine.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
