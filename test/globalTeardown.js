module.exports = async function globalTeardown() {
  const database = globalThis.__MCP_TEST_DATABASE__;
  if (database) await database.stop();
};
