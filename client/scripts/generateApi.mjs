// Writes src/api/schema.gen.ts, the types of every route, from the OpenAPI document the server serves.
// The document is built by the data-provider package (`npm run build` at the root compiles it), so this works offline.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const here = dirname(fileURLToPath(import.meta.url));
const target = join(here, '..', 'src', 'api', 'schema.gen.ts');
const require = createRequire(import.meta.url);

function loadDocument() {
  try {
    return require('@mcp-registry/data-provider').buildOpenApiDocument();
  } catch (error) {
    console.error('Cannot load the OpenAPI document: build the packages first (npm run build at the repository root).');
    throw error;
  }
}

const header = '// Generated from the OpenAPI document by scripts/generateApi.mjs. Do not edit.\n';
const text = header + astToString(await openapiTS(loadDocument(), { defaultNonNullable: false }));
let current = '';
try {
  current = readFileSync(target, 'utf8');
} catch {
  current = '';
}
if (current !== text) {
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
}
