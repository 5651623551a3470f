import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongodBinaryError, chooseDatabase } from './databaseChoice';

let dir: string;
const noCache = async (): Promise<string | undefined> => undefined;

function fakeBinary(folder: string, mode: number): string {
  fs.mkdirSync(path.join(dir, folder), { recursive: true });
  const file = path.join(dir, folder, 'mongod');
  fs.writeFileSync(file, '#!/bin/sh\n', { mode });
  return file;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mcpr-dbchoice-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('choosing the database (DESIGN.md §6)', () => {
  it('MONGO_URI wins over any mongod binary', async () => {
    const binary = fakeBinary('bin', 0o755);
    const choice = await chooseDatabase('mongodb://db.example:27017/x', { MONGOMS_SYSTEM_BINARY: binary, PATH: path.dirname(binary) }, noCache);
    expect(choice).toEqual({ kind: 'uri', uri: 'mongodb://db.example:27017/x' });
  });

  it('MONGOMS_SYSTEM_BINARY names the mongod for mongodb-memory-server', async () => {
    const binary = fakeBinary('custom', 0o755);
    const onPath = fakeBinary('bin', 0o755);
    const choice = await chooseDatabase(undefined, { MONGOMS_SYSTEM_BINARY: binary, PATH: path.dirname(onPath) }, noCache);
    expect(choice).toEqual({ kind: 'memory-server', binary, source: 'MONGOMS_SYSTEM_BINARY' });
  });

  it('a MONGOMS_SYSTEM_BINARY that is missing or not executable is an error naming it, not a silent fallback', async () => {
    const notExecutable = fakeBinary('custom', 0o644);
    await expect(chooseDatabase(undefined, { MONGOMS_SYSTEM_BINARY: notExecutable }, noCache)).rejects.toThrow(MongodBinaryError);
    await expect(chooseDatabase(undefined, { MONGOMS_SYSTEM_BINARY: path.join(dir, 'nope') }, noCache)).rejects.toThrow(`MONGOMS_SYSTEM_BINARY=${path.join(dir, 'nope')}`);
  });

  it('an executable mongod on PATH is used; a non-executable one is passed over', async () => {
    const skipped = fakeBinary('first', 0o644);
    const binary = fakeBinary('second', 0o755);
    const choice = await chooseDatabase(undefined, { PATH: [path.dirname(skipped), path.join(dir, 'missing'), path.dirname(binary)].join(path.delimiter) }, noCache);
    expect(choice).toEqual({ kind: 'memory-server', binary, source: 'PATH' });
  });

  it('a binary in mongodb-memory-server’s download cache is used when there is none on PATH', async () => {
    const cached = fakeBinary('cache', 0o755);
    const choice = await chooseDatabase(undefined, { PATH: path.join(dir, 'empty') }, async () => cached);
    expect(choice).toEqual({ kind: 'memory-server', binary: cached, source: 'download cache' });
  });

  it('with no URI and no mongod anywhere, the embedded engine', async () => {
    expect(await chooseDatabase(undefined, { PATH: path.join(dir, 'empty') }, noCache)).toEqual({ kind: 'embedded' });
    expect(await chooseDatabase('', {}, noCache)).toEqual({ kind: 'embedded' });
  });

  it('the real cache lookup finds nothing here and downloads nothing', async () => {
    expect(await chooseDatabase(undefined, { PATH: path.join(dir, 'empty') })).toEqual({ kind: 'embedded' });
    expect(fs.existsSync(path.join(__dirname, '..', '..', 'node_modules', '.cache', 'mongodb-memory-server'))).toBe(false);
  });
});
