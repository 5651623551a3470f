import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import type { OpenApiDocument } from '@mcp-registry/data-provider';
import type { IOrganization } from '@mcp-registry/data-schemas';
import { createTestContext } from './support/context';
import type { TestContext, TestUser } from './support/context';
import { createResponseChecker } from './support/responseSchemas';
import type { ObservedResponse } from './support/responseSchemas';

const run = promisify(execFile);
const REPO = path.resolve(__dirname, '../..');
const PROGRAM = path.join(__dirname, 'generatedClient', 'adminFlow.ts');
/** The generator's own command line (it is an ES module, which jest's module loader does not run). */
const GENERATOR = path.join(path.dirname(require.resolve('openapi-typescript/package.json')), 'bin', 'cli.js');

let ctx: TestContext;
let org: IOrganization;
let admin: TestUser;
let server: http.Server;
let baseUrl: string;
let doc: OpenApiDocument;
let workDir: string;

/** Type-checks files in workDir (beside the generated `schema.d.ts`) as strict TypeScript, in one program: file name → diagnostics. */
function typeCheck(files: string[]): Map<string, string[]> {
  const program = ts.createProgram(files, {
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    esModuleInterop: true,
    skipLibCheck: true,
    types: ['node'],
  });
  const out = new Map<string, string[]>(files.map((f) => [f, []]));
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const file = d.file?.fileName ?? '';
    out.set(file, [...(out.get(file) ?? []), ts.flattenDiagnosticMessageText(d.messageText, '\n')]);
  }
  return out;
}

const BROKEN_PROGRAM = [
  "import type { components } from './schema';",
  "export const install: components['schemas']['CreateInstallation'] = { userId: '66f0c0ffee0000000000beef' };",
  "export const update: components['schemas']['UpdateInstallation'] = { status: 'paused' };",
].join('\n');

let diagnostics: Map<string, string[]>;

beforeAll(async () => {
  ctx = await createTestContext('generated-client');
  org = await ctx.makeOrg();
  admin = await ctx.makeAdmin(org);
  server = http.createServer(ctx.app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  doc = (await (await fetch(`${baseUrl}/api/openapi.json`)).json()) as OpenApiDocument;

  const cacheDir = path.join(REPO, 'node_modules', '.cache');
  mkdirSync(cacheDir, { recursive: true });
  workDir = mkdtempSync(path.join(cacheDir, 'generated-client-'));
  await run(process.execPath, [GENERATOR, `${baseUrl}/api/openapi.json`, '--output', path.join(workDir, 'schema.d.ts')]);
  writeFileSync(path.join(workDir, 'adminFlow.ts'), readFileSync(PROGRAM, 'utf8'));
  writeFileSync(path.join(workDir, 'broken.ts'), BROKEN_PROGRAM);
  diagnostics = typeCheck([path.join(workDir, 'adminFlow.ts'), path.join(workDir, 'broken.ts')]);
}, 180_000);
afterAll(async () => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
  await new Promise((resolve) => server.close(resolve));
  await ctx.close();
});

describe('a client generated from the served document (openapi-typescript + openapi-fetch)', () => {
  it('names its operations after the operationIds and its bodies after the named schemas', () => {
    const schema = readFileSync(path.join(workDir, 'schema.d.ts'), 'utf8');
    expect(schema).toMatch(/createInstallation: \{/);
    expect(schema).toMatch(/CreateInstallation: \{/);
    expect(schema).toMatch(/ErrorEnvelope: \{/);
  });

  it('type-checks the admin program, whose install body is the README’s { catalogId, userId }', () => {
    expect([...diagnostics.entries()].filter(([file]) => !file.endsWith('broken.ts'))).toEqual([[path.join(workDir, 'adminFlow.ts'), []]]);
  });

  it('rejects a program that breaks the contract (the type check is real)', () => {
    const broken = (diagnostics.get(path.join(workDir, 'broken.ts')) ?? []).join('\n');
    expect(broken).toMatch(/catalogId/);
    expect(broken).toMatch(/paused/);
  });

  it('drives login → create user → create server → install on behalf → replay → update → delete against the real app, every response as the document declares', async () => {
    const source = readFileSync(path.join(workDir, 'adminFlow.ts'), 'utf8');
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
    const script = path.join(workDir, 'adminFlow.js');
    writeFileSync(script, js.outputText);

    const { stdout } = await run(process.execPath, [script], {
      env: {
        ...process.env,
        MCPR_BASE_URL: baseUrl,
        MCPR_ADMIN_EMAIL: admin.email,
        MCPR_ADMIN_PASSWORD: admin.password,
        MCPR_NEW_USER_EMAIL: `dana-${Date.now()}@example.test`,
      },
    });

    const exchanges = JSON.parse(stdout) as ObservedResponse[];
    expect(exchanges.map((e) => `${e.method} ${e.path} ${e.status}`)).toEqual([
      'POST /api/auth/login 200',
      'POST /api/users 201',
      'POST /api/mcp/servers 201',
      'PUT /api/permissions/mcpServer/{serverId} 200',
      'GET /api/mcp/servers/by-id/{serverId} 200',
      'POST /api/mcp_server 201',
      'POST /api/mcp_server 200',
      'PATCH /api/mcp_server/{id} 200',
      'DELETE /api/mcp_server/{id} 204',
      'GET /api/mcp_server/{id} 404',
      'DELETE /api/mcp/servers/{serverName} 204',
      'DELETE /api/users/{id} 204',
    ]);
    const problemsOf = createResponseChecker(doc);
    expect(exchanges.flatMap(problemsOf)).toEqual([]);
  }, 60_000);
});
