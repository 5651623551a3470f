import { randomBytes } from 'node:crypto';

/** A URI naming a database of its own, so that test files never see each other's data. */
export function testDatabaseUri(label: string): string {
  const base = process.env.MCP_TEST_MONGO_URI;
  if (!base) throw new Error('MCP_TEST_MONGO_URI is not set: run the tests through jest (test/globalSetup.js)');
  const name = `test_${label.replace(/[^a-zA-Z0-9]/g, '_').slice(0, 40)}_${randomBytes(4).toString('hex')}`;
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}
