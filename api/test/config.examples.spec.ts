import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import dotenv from 'dotenv';
import { loadConfig } from '../server/config/loadConfig';
import { ENV_MAPPING } from '../server/config/envMapping';

const root = path.resolve(__dirname, '../..');
const envExample = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
const yamlExample = path.join(root, 'config/mcp-registry.example.yaml');

let dataDir: string;
beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcp-config-examples-'));
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('.env.example', () => {
  it('lists every environment variable the configuration loader reads', () => {
    const listed = new Set(Object.keys(dotenv.parse(envExample)));
    const missing = [...ENV_MAPPING.map(([name]) => name), 'CONFIG_PATH'].filter((name) => !listed.has(name));
    expect(missing).toEqual([]);
  });

  it('names no variable the loader ignores', () => {
    const known = new Set([...ENV_MAPPING.map(([name]) => name), 'CONFIG_PATH']);
    expect(Object.keys(dotenv.parse(envExample)).filter((name) => !known.has(name))).toEqual([]);
  });

  it('is a valid development configuration when copied to .env as it is', () => {
    const env = { ...dotenv.parse(envExample), DATA_DIR: dataDir };
    const { config } = loadConfig({ env, cwd: dataDir });
    expect(config.server.port).toBe(3080);
    expect(config.admin.email).toBeUndefined();
  });
});

describe('config/mcp-registry.example.yaml', () => {
  it('loads without a problem and its settings arrive in the configuration', () => {
    const { config, configFile } = loadConfig({ env: { CONFIG_PATH: yamlExample, DATA_DIR: dataDir }, cwd: dataDir });
    expect(configFile).toBe(yamlExample);
    expect(config.cors.origins).toEqual(['http://localhost:3090']);
    expect(config.admin.email).toBe('ops@example.com');
    expect(Object.keys(config.mcpServers)).toContain('docs');
  });
});
