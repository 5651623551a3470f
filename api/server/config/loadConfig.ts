import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { appConfigSchema } from '@mcp-registry/data-provider';
import type { AppConfig } from '@mcp-registry/data-provider';
import { configFromEnv, deepMerge, envNameFor } from './envMapping';
import { fillSecrets } from './secrets';
import type { SecretsOutcome } from './secrets';

/** Invalid configuration: every problem at once, each naming its field. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export interface LoadedConfig {
  config: AppConfig;
  secrets: SecretsOutcome;
  /** The YAML file that was read, if any. */
  configFile?: string;
}

function deepFreeze<T>(value: T): T {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  for (const v of Object.values(value)) deepFreeze(v);
  return Object.freeze(value);
}

function readYaml(file: string, required: boolean): Record<string, unknown> | string {
  if (!fs.existsSync(file)) return required ? `CONFIG_PATH: file not found: ${file}` : {};
  try {
    const parsed: unknown = YAML.parse(fs.readFileSync(file, 'utf8'));
    if (parsed === null || parsed === undefined) return {};
    if (typeof parsed !== 'object' || Array.isArray(parsed)) return `${file}: the top level must be a mapping`;
    return parsed as Record<string, unknown>;
  } catch (error) {
    return `${file}: ${(error as Error).message.split('\n')[0]}`;
  }
}

function describeIssue(issue: { path: PropertyKey[]; message: string }): string {
  const key = issue.path.map(String).join('.');
  const env = envNameFor(key);
  return `${key || '(root)'}${env ? ` (${env})` : ''}: ${issue.message}`;
}

/**
 * Reads the environment (already holding `.env`) and the optional YAML file (`CONFIG_PATH`, default
 * `./mcp-registry.yaml`; environment wins), fills development secrets, validates with the zod schema and
 * returns a frozen configuration. Throws ConfigError naming every bad field.
 */
export function loadConfig(options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): LoadedConfig {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const explicitFile = env.CONFIG_PATH?.trim();
  const configFile = path.resolve(cwd, explicitFile || 'mcp-registry.yaml');
  const yaml = readYaml(configFile, Boolean(explicitFile));
  if (typeof yaml === 'string') throw new ConfigError([yaml]);

  const raw = deepMerge(yaml, configFromEnv(env));
  const production = (raw.env ?? 'development') === 'production';
  const dataDirRaw = (raw.database as Record<string, unknown> | undefined)?.dataDir;
  const dataDir = path.resolve(cwd, typeof dataDirRaw === 'string' ? dataDirRaw : './data');
  const secrets = fillSecrets(raw, { production, dataDir });

  const parsed = appConfigSchema.safeParse(raw);
  const problems = secrets.missing.map((name) => `${name}: required when NODE_ENV=production (generated secrets are for development only)`);
  const reported = new Set(secrets.missing);
  if (!parsed.success) {
    const issues = parsed.error.issues.filter((i) => !reported.has(envNameFor(i.path.map(String).join('.')) ?? ''));
    problems.push(...issues.map(describeIssue));
  }
  if (problems.length > 0 || !parsed.success) throw new ConfigError([...new Set(problems)]);

  const config = { ...parsed.data, database: { ...parsed.data.database, dataDir } };
  return { config: deepFreeze(config), secrets, configFile: fs.existsSync(configFile) ? configFile : undefined };
}
