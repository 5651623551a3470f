import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { getPath, setPath } from './envMapping';

/** The secrets start-up may generate in development, by configuration path and variable name. */
const GENERATED = [
  { path: 'auth.jwtSecret', env: 'JWT_SECRET', make: () => randomBytes(48).toString('base64url') },
  { path: 'auth.jwtRefreshSecret', env: 'JWT_REFRESH_SECRET', make: () => randomBytes(48).toString('base64url') },
  { path: 'credsKey', env: 'CREDS_KEY', make: () => randomBytes(32).toString('hex') },
] as const;

export const SECRETS_FILE = 'secrets.json';

export interface SecretsOutcome {
  /** Variable names whose value came from (or was just written to) the secrets file. */
  fromFile: string[];
  generated: string[];
  file?: string;
  /** Production with secrets missing: these variable names must be set. */
  missing: string[];
}

function readSecretsFile(file: string): Record<string, string> {
  if (!fs.existsSync(file)) return {};
  const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
}

/**
 * Fills missing JWT/credential secrets. Development: from `<dataDir>/secrets.json`, generating what is absent
 * there too (file mode 0600) — so restarts keep sessions and encrypted data readable. Production: never
 * generated; the missing names are reported instead.
 */
export function fillSecrets(raw: Record<string, unknown>, options: { production: boolean; dataDir: string }): SecretsOutcome {
  const missingPaths = GENERATED.filter((s) => !getPath(raw, s.path));
  const outcome: SecretsOutcome = { fromFile: [], generated: [], missing: [] };
  if (missingPaths.length === 0) return outcome;
  if (options.production) return { ...outcome, missing: missingPaths.map((s) => s.env) };

  const file = path.join(options.dataDir, SECRETS_FILE);
  const stored = readSecretsFile(file);
  for (const secret of missingPaths) {
    if (!stored[secret.env]) {
      stored[secret.env] = secret.make();
      outcome.generated.push(secret.env);
    }
    setPath(raw, secret.path, stored[secret.env]);
    outcome.fromFile.push(secret.env);
  }
  if (outcome.generated.length > 0) {
    fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
    fs.chmodSync(file, 0o600);
  }
  return { ...outcome, file };
}
