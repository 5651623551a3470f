#!/usr/bin/env node
/**
 * `npm run bench`: one process, one run. Starts the embedded engine in memory in a child process (a database
 * is never in the service's own process in production: with the engine in-process its CPU would be billed to
 * every route), or uses MONGO_URI when set; builds the real app on the built dist, and measures with autocannon a bare Express hello route against the authenticated `GET /api/user`,
 * then every module in scripts/bench/*.js (`module.exports = { async run(ctx) { return [row, …] } }`).
 * The headline pair runs interleaved in 1-second slices; `ratio` is always against the bare route's req/s.
 * Prints one table. BENCH_DURATION (seconds per row, default 5), BENCH_CONNECTIONS (default 10) and BENCH_ONLY
 * (comma-separated module names) tune it.
 */
'use strict';

const fs = require('node:fs');
const inspector = require('node:inspector');
const path = require('node:path');
const { randomBytes } = require('node:crypto');
const { Writable } = require('node:stream');
const autocannon = require('autocannon');
const express = require('express');
const { Mongoose } = require('mongoose');
const { spawn } = require('node:child_process');
const { appConfigSchema, SystemRoles } = require('@mcp-registry/data-provider');
const dataSchemas = require('@mcp-registry/data-schemas');
const { createOrganization, createUserAccount } = require('@mcp-registry/api');
const { createApp } = require('../api/dist/server/app');

const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const WARMUP = Math.max(1, Math.round(DURATION / 5));
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const TARGET_RATIO = 0.8;
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

function benchConfig() {
  return appConfigSchema.parse({
    env: 'production',
    auth: {
      jwtSecret: randomBytes(32).toString('hex'),
      jwtRefreshSecret: randomBytes(32).toString('hex'),
      loginRateLimit: { windowMs: 60_000, max: 1_000_000 },
    },
    credsKey: randomBytes(32).toString('hex'),
  });
}

async function openWorld(uri) {
  const mongoose = new Mongoose();
  const url = new URL(uri);
  url.pathname = `/bench_${unique()}`;
  await mongoose.connect(url.toString(), { monitorCommands: true });
  const commands = { count: 0 };
  mongoose.connection.getClient().on('commandStarted', () => {
    commands.count += 1;
  });
  const config = benchConfig();
  const logger = discardingLogger();
  const methods = dataSchemas.createMethods(mongoose, { cipher: dataSchemas.createCredentialCipher(config.credsKey) });
  if (typeof dataSchemas.ensureIndexes === 'function') await dataSchemas.ensureIndexes(mongoose);
  const app = createApp({ config, methods, logger, isReady: async () => mongoose.connection.readyState === 1 });
  return { mongoose, commands, config, logger, methods, app };
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
    tokenFor: (user) => world.app.tokens.signAccessToken({ sub: String(user._id), org: String(user.organizationId) }),
    apiKeyFor,
  };
}

function cannonOptions(request, url) {
  const body = request.body === undefined || typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
  const headers = { ...(body ? { 'content-type': 'application/json' } : {}), ...(request.headers ?? {}) };
  return { url: `${url}${request.path ?? '/'}`, method: request.method ?? 'GET', headers, body, connections: CONNECTIONS };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const sum = (slices, pick) => slices.reduce((n, s) => n + pick(s), 0);

/**
 * Folds timed slices of one target into a row: req/s over all slices, median p50/p99 of the slices, and CPU time
 * per request of this process (service and load generator together) and of the engine child.
 */
function toRow(name, slices) {
  const results = slices.map((s) => s.result);
  const requests = sum(results, (r) => r.requests.total) || 1;
  const engineKnown = slices.every((s) => s.engineSeconds !== undefined);
  return {
    name,
    reqPerSec: requests / sum(results, (r) => r.duration),
    p50: median(results.map((r) => r.latency.p50)),
    p99: median(results.map((r) => r.latency.p99)),
    ratio: 1,
    dbCommandsPerRequest: sum(slices, (s) => s.commands) / requests,
    processCpuMicros: (sum(slices, (s) => s.cpuSeconds) / requests) * 1e6,
    engineCpuMicros: engineKnown ? (sum(slices, (s) => s.engineSeconds) / requests) * 1e6 : undefined,
    non2xx: sum(results, (r) => r.non2xx + r.errors),
  };
}

/** CPU seconds the engine child has used so far (utime + stime from /proc), or undefined when not ours. */
function engineCpuSeconds(world) {
  if (!world.enginePid) return undefined;
  try {
    const fields = fs.readFileSync(`/proc/${world.enginePid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

async function timedSlice(world, options, duration) {
  const before = world.commands.count;
  const cpuBefore = process.cpuUsage();
  const engineBefore = engineCpuSeconds(world);
  const result = await cannon({ ...options, duration });
  const cpu = process.cpuUsage(cpuBefore);
  const engineAfter = engineCpuSeconds(world);
  const engineSeconds = engineBefore === undefined || engineAfter === undefined ? undefined : engineAfter - engineBefore;
  return { result, commands: world.commands.count - before, cpuSeconds: (cpu.user + cpu.system) / 1e6, engineSeconds };
}

/**
 * The headline pair, interleaved in 1-second slices (alternating which goes first) so that load from anything
 * else on the machine falls on both alike; each gets DURATION seconds in total after a warm-up.
 */
async function measurePair(world, a, b) {
  await cannon({ ...a.options, duration: WARMUP });
  await cannon({ ...b.options, duration: WARMUP });
  const runs = { a: [], b: [] };
  for (let i = 0; i < DURATION; i += 1) {
    const order = i % 2 === 0 ? ['a', 'b'] : ['b', 'a'];
    for (const key of order) runs[key].push(await timedSlice(world, (key === 'a' ? a : b).options, 1));
  }
  const rowA = toRow(a.name, runs.a);
  const rowB = toRow(b.name, runs.b);
  return [rowA, { ...rowB, ratio: rowB.reqPerSec / rowA.reqPerSec }];
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

function createMeasure(world, urls, state) {
  return async function measure(name, request = {}, base = urls.app) {
    const options = cannonOptions(request, base);
    await cannon({ ...options, duration: WARMUP });
    const slice = await profiled(name, () => timedSlice(world, options, DURATION));
    const row = toRow(name, [slice]);
    return { ...row, ratio: state.bare ? row.reqPerSec / state.bare.reqPerSec : 1 };
  };
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
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

const num = (value, digits) => (typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '-');

/** HTTP rows come from measure(); a module may also return `{ name, value, unit }` (e.g. ns/op of a function). */
function printTable(rows) {
  const header = ['benchmark', 'req/s', 'p50 ms', 'p99 ms', 'ratio', 'db cmds/req', 'cpu µs/req', 'db cpu µs/req', 'non-2xx', 'other'];
  const lines = rows.map((r) => [
    String(r.name ?? '?'),
    num(r.reqPerSec, 0),
    num(r.p50, 0),
    num(r.p99, 0),
    num(r.ratio, 2),
    num(r.dbCommandsPerRequest, 2),
    num(r.processCpuMicros, 0),
    num(r.engineCpuMicros, 0),
    typeof r.non2xx === 'number' ? String(r.non2xx) : '-',
    r.value !== undefined ? `${r.value} ${r.unit ?? ''}`.trim() : '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const fmt = (cells) => cells.map((c, i) => (i === 0 || i === header.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${fmt(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const l of lines) console.log(fmt(l).trimEnd());
}

/** BENCH_ONLY=mcpServers,ssrf runs only those modules after the headline pair. */
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

async function main() {
  const engine = await startDatabase();
  const world = { ...(await openWorld(engine.uri)), enginePid: engine.pid };
  const bareApp = express();
  bareApp.get('/hello', (_req, res) => res.json({ hello: 'world' }));
  const [appServer, bareServer] = await Promise.all([listen(world.app), listen(bareApp)]);
  const urls = {
    app: `http://127.0.0.1:${appServer.address().port}`,
    bare: `http://127.0.0.1:${bareServer.address().port}`,
  };
  const state = { bare: undefined };
  const measure = createMeasure(world, urls, state);
  const fx = fixtures(world);
  const rows = [];
  try {
    console.log(`bench: ${DURATION}s per row after ${WARMUP}s warm-up, ${CONNECTIONS} connections, node ${process.version}`);
    const org = await fx.makeOrg();
    const user = await fx.makeUser(org);
    const userRequest = { path: '/api/user', headers: { authorization: `Bearer ${fx.tokenFor(user)}` } };
    const [bare, auth] = await measurePair(
      world,
      { name: 'bare express GET /hello', options: cannonOptions({ path: '/hello' }, urls.bare) },
      { name: 'GET /api/user (JWT)', options: cannonOptions(userRequest, urls.app) },
    );
    state.bare = bare;
    rows.push(bare, auth);
    const ctx = {
      measure: (name, request) => measure(name, request),
      methods: world.methods,
      app: world.app,
      config: world.config,
      baseUrl: urls.app,
      ...fx,
      countDbCommands: (fn) => countDbCommands(world, fn),
      request: (method, urlPath, options) => httpRequest(urls.app, method, urlPath, options),
    };
    for (const { file, mod } of benchModules()) {
      try {
        rows.push(...(await mod.run(ctx)));
      } catch (error) {
        process.exitCode = 1;
        console.error(`bench module ${file} failed:`, error);
      }
    }
    printTable(rows);
    const verdict = auth.ratio >= TARGET_RATIO ? 'met' : 'NOT met';
    console.log(`\nGET /api/user reaches ${auth.ratio.toFixed(2)} of the bare route (target ${TARGET_RATIO}: ${verdict}).`);
  } finally {
    await Promise.all([close(appServer), close(bareServer)]);
    await world.mongoose.disconnect();
    await engine.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
