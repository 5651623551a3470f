import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigError, loadConfig } from '../server/config/loadConfig';

const SECRET = 's'.repeat(40);
const KEY = 'a'.repeat(64);
const secretsEnv = { JWT_SECRET: SECRET, JWT_REFRESH_SECRET: `${SECRET}r`, CREDS_KEY: KEY };

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpr-config-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('applies the documented defaults and freezes the result', () => {
    const { config } = loadConfig({ env: secretsEnv, cwd: dir });
    expect(config.server).toEqual({ port: 3080, host: '127.0.0.1', trustProxy: false });
    expect(config.database.dataDir).toBe(path.join(dir, 'data'));
    expect(config.auth.accessTokenTtlSeconds).toBe(900);
    expect(config.cors.origins).toEqual([]);
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.auth)).toBe(true);
    expect(() => {
      (config.server as { port: number }).port = 1;
    }).toThrow();
  });

  it('reads the YAML file at CONFIG_PATH and lets the environment win over it', () => {
    const file = path.join(dir, 'custom.yaml');
    fs.writeFileSync(file, 'server:\n  port: 4000\n  host: 0.0.0.0\ncors:\n  origins: [https://a.test]\nlog:\n  level: debug\n');
    const { config, configFile } = loadConfig({ env: { ...secretsEnv, CONFIG_PATH: file, PORT: '5000', CORS_ORIGINS: 'https://b.test, https://c.test' }, cwd: dir });
    expect(configFile).toBe(file);
    expect(config.server.port).toBe(5000);
    expect(config.server.host).toBe('0.0.0.0');
    expect(config.cors.origins).toEqual(['https://b.test', 'https://c.test']);
    expect(config.log.level).toBe('debug');
  });

  it('reads ./mcp-registry.yaml when present and ignores its absence', () => {
    expect(loadConfig({ env: secretsEnv, cwd: dir }).configFile).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'mcp-registry.yaml'), 'server:\n  port: 4100\n');
    expect(loadConfig({ env: secretsEnv, cwd: dir }).config.server.port).toBe(4100);
  });

  it('names every bad field at once, with its environment variable', () => {
    const problems = problemsOf(() =>
      loadConfig({ env: { ...secretsEnv, PORT: 'eighty', LOG_LEVEL: 'loud', CREDS_KEY: 'short', ADMIN_EMAIL: 'nope', MONGO_URI: 'http://x' }, cwd: dir }),
    );
    const text = problems.join('\n');
    expect(text).toContain('server.port (PORT)');
    expect(text).toContain('log.level (LOG_LEVEL)');
    expect(text).toContain('credsKey (CREDS_KEY)');
    expect(text).toContain('admin.email (ADMIN_EMAIL)');
    expect(text).toContain('database.mongoUri (MONGO_URI)');
  });

  it('names bad fields of the YAML file, including mcpSettings', () => {
    const file = path.join(dir, 'bad.yaml');
    fs.writeFileSync(file, 'mcpSettings:\n  allowedDomains: 42\n  surprise: true\n');
    const text = problemsOf(() => loadConfig({ env: { ...secretsEnv, CONFIG_PATH: file }, cwd: dir })).join('\n');
    expect(text).toContain('mcpSettings.allowedDomains');
    expect(text).toContain('surprise');
  });

  it('names a misspelled key of the YAML file instead of ignoring it', () => {
    const file = path.join(dir, 'typo.yaml');
    fs.writeFileSync(file, 'sever:\n  port: 4000\nlog:\n  levle: debug\n');
    const text = problemsOf(() => loadConfig({ env: { ...secretsEnv, CONFIG_PATH: file }, cwd: dir })).join('\n');
    expect(text).toContain('sever');
    expect(text).toContain('levle');
  });

  it('reports a missing CONFIG_PATH file and invalid YAML', () => {
    expect(problemsOf(() => loadConfig({ env: { ...secretsEnv, CONFIG_PATH: 'nope.yaml' }, cwd: dir }))[0]).toContain('file not found');
    const file = path.join(dir, 'broken.yaml');
    fs.writeFileSync(file, 'server: [unclosed\n');
    expect(problemsOf(() => loadConfig({ env: { ...secretsEnv, CONFIG_PATH: file }, cwd: dir }))[0]).toContain('broken.yaml');
  });

  it('in development generates missing secrets once into DATA_DIR with mode 0600 and reuses them', () => {
    const first = loadConfig({ env: {}, cwd: dir });
    expect(first.secrets.generated).toEqual(['JWT_SECRET', 'JWT_REFRESH_SECRET', 'CREDS_KEY']);
    const file = path.join(dir, 'data', 'secrets.json');
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const second = loadConfig({ env: {}, cwd: dir });
    expect(second.secrets.generated).toEqual([]);
    expect(second.config.auth.jwtSecret).toBe(first.config.auth.jwtSecret);
    expect(second.config.credsKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps secrets given in the environment and generates only the missing ones', () => {
    const { config, secrets } = loadConfig({ env: { JWT_SECRET: SECRET }, cwd: dir });
    expect(config.auth.jwtSecret).toBe(SECRET);
    expect(secrets.generated).toEqual(['JWT_REFRESH_SECRET', 'CREDS_KEY']);
  });

  it('with NODE_ENV=production refuses to start without secrets and writes nothing', () => {
    const problems = problemsOf(() => loadConfig({ env: { NODE_ENV: 'production' }, cwd: dir }));
    expect(problems).toEqual([
      expect.stringContaining('JWT_SECRET: required when NODE_ENV=production'),
      expect.stringContaining('JWT_REFRESH_SECRET: required'),
      expect.stringContaining('CREDS_KEY: required'),
    ]);
    expect(fs.existsSync(path.join(dir, 'data'))).toBe(false);
  });

  it('with NODE_ENV=production starts when the secrets are set', () => {
    expect(loadConfig({ env: { ...secretsEnv, NODE_ENV: 'production' }, cwd: dir }).config.env).toBe('production');
  });
});
