// Lints the OpenAPI document read from stdin with Redocly's recommended rules and prints the problems as JSON.
// A separate process because @redocly/openapi-core is an ES module: `curl -s …/api/openapi.json | node lintOpenApi.mjs`.
import { createConfig, lintFromString } from '@redocly/openapi-core';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const config = await createConfig({ extends: ['recommended'] });
const problems = await lintFromString({ source: Buffer.concat(chunks).toString('utf8'), absoluteRef: '/openapi.json', config });
const summary = problems.map((p) => ({ severity: p.severity, rule: p.ruleId, message: p.message, at: p.location[0]?.pointer }));
process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
