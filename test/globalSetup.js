/**
 * Starts one database for the whole run (DESIGN.md §6): MONGO_URI when set, otherwise the embedded engine.
 * Test files read MCP_TEST_MONGO_URI and each creates its own database on it.
 */
module.exports = async function globalSetup() {
  if (process.env.MONGO_URI) {
    process.env.MCP_TEST_MONGO_URI = process.env.MONGO_URI;
    return;
  }
  const { startEmbeddedMongo } = require('@mcp-registry/embedded-mongo');
  const engine = await startEmbeddedMongo({ port: 0 });
  globalThis.__MCP_EMBEDDED_MONGO__ = engine;
  process.env.MCP_TEST_MONGO_URI = engine.uri;
};
