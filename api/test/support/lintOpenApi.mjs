// Lints the OpenAPI document read from stdin with Redocly's recommended rules and prints the problems as JSON.
// A separate process because @redocly/openapi-core is an ES module: `curl -s …/api/openapi.json | node lintOpenApi.mjs`.
import { createConfig, lintFromString } from '@redocly/openapi-core';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
// LibreChat's `/api/mcp/{serverName}/…` routes sit beside the catalog's `/api/mcp/servers/{serverName}`; the catalog is
// mounted first and no server is ever given the slug `servers` (RESERVED_MCP_SERVER_NAMES), so the overlap the
// rule reports never happens.
const config = await createConfig({ extends: ['recommended'], rules: { 'no-ambiguous-paths': 'off' } });
const problems = await lintFromString({ source: Buffer.concat(chunks).toString('utf8'), absoluteRef: '/openapi.json', config });
const summary = problems.map((p) => ({ severity: p.severity, rule: p.ruleId, message: p.message, at: p.location[0]?.pointer }));
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
