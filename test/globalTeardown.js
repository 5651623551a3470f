module.exports = async function globalTeardown() {
  const engine = globalThis.__MCP_EMBEDDED_MONGO__;
  if (engine) await engine.stop();
};
