const path = require('node:path');

/** The service's own choice (api/server/databaseChoice.ts, built by `npm test` before jest). */
function serverModule(name) {
  const file = path.join(__dirname, '..', 'api', 'dist', 'server', `${name}.js`);
  try {
    return require(file);
  } catch (error) {
    if (error.code !== 'MODULE_NOT_FOUND') throw error;
    throw new Error(`${file} is missing: run \`npm run build\` first (npm test does)`);
  }
}

function announce(text) {
  process.stdout.write(`\n[test database] ${text}\n`);
}

/**
 * Starts one database for the whole run, in the order of DESIGN.md §6: MONGO_URI when set; else
 * mongodb-memory-server when a mongod exists (MONGOMS_SYSTEM_BINARY, a mongod on PATH, its download cache);
 * else the embedded engine. Test files read MCP_TEST_MONGO_URI and each creates its own database on it.
 */
module.exports = async function globalSetup() {
  const { chooseDatabase } = serverModule('databaseChoice');
  const choice = await chooseDatabase(process.env.MONGO_URI, process.env);
  if (choice.kind === 'uri') {
    announce('MONGO_URI from the environment');
    process.env.MCP_TEST_MONGO_URI = choice.uri;
    return;
  }
  if (choice.kind === 'memory-server') {
    const { startMemoryServer } = serverModule('memoryServer');
    const server = await startMemoryServer(choice.binary);
    globalThis.__MCP_TEST_DATABASE__ = server;
    process.env.MCP_TEST_MONGO_URI = server.uri;
    announce(`mongodb-memory-server with ${choice.binary} (found in ${choice.source}) at ${server.uri}`);
    return;
  }
  const { startEmbeddedMongo } = require('@mcp-registry/embedded-mongo');
  const engine = await startEmbeddedMongo({ port: 0 });
  globalThis.__MCP_TEST_DATABASE__ = engine;
  process.env.MCP_TEST_MONGO_URI = engine.uri;
  announce(`embedded engine at ${engine.uri} (no MONGO_URI, no mongod binary found)`);
};
