import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';
import { runCommand } from './command';
import type { CliIo, CommandSpec } from './command';
import { createApiKeyCommand } from './commands/createApiKey';
import { createOrgCommand } from './commands/createOrg';
import { createUserCommand } from './commands/createUser';
import { listUsersCommand } from './commands/listUsers';
import { setRoleCommand } from './commands/setRole';

/** The operator commands, by npm script name (`npm run <name> -- …`). Add one with one line. */
export const commands: Record<string, CommandSpec<never>> = {
  'create-org': createOrgCommand as CommandSpec<never>,
  'create-user': createUserCommand as CommandSpec<never>,
  'set-role': setRoleCommand as CommandSpec<never>,
  'create-api-key': createApiKeyCommand as CommandSpec<never>,
  'list-users': listUsersCommand as CommandSpec<never>,
};

/** Entry of the `config/<name>.js` launchers: reads `.env` like the server, runs, sets the exit code. */
export async function runFromProcess(name: string): Promise<void> {
  const spec = commands[name];
  if (!spec) throw new Error(`Unknown command ${name}`);
  const cwd = process.cwd();
  const envFile = path.join(cwd, '.env');
  if (fs.existsSync(envFile)) dotenv.config({ path: envFile, quiet: true });
  const io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd };
  process.exitCode = await runCommand(spec, process.argv.slice(2), io);
}
