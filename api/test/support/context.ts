import { randomBytes } from 'node:crypto';
import { Mongoose } from 'mongoose';
import { GroupMemberRole, SystemRoles } from '@mcp-registry/data-provider';
import type { AppConfig, AppConfigInput } from '@mcp-registry/data-provider';
import { createOrganization, createUserAccount } from '@mcp-registry/api';
import { createCredentialCipher, createLogger, createMethods, ensureIndexes, generateApiKey } from '@mcp-registry/data-schemas';
import type { IGroup, IOrganization, Logger, Methods, UserRecord } from '@mcp-registry/data-schemas';
import { createApp } from '../../server/app';
import type { App } from '../../server/app';
import { testDatabaseUri } from '../../../test/testDatabase';
import { offlineLookup } from './offlineLookup';
import { testConfig } from './testConfig';

export interface TestUser extends UserRecord {
  id: string;
  /** The clear-text password the fixture set. */
  password: string;
}

export interface TestContext {
  app: App;
  methods: Methods;
  config: AppConfig;
  logger: Logger;
  mongoose: Mongoose;
  makeOrg(overrides?: { name?: string; slug?: string }): Promise<IOrganization>;
  makeUser(org: IOrganization, overrides?: { email?: string; password?: string; role?: string; name?: string }): Promise<TestUser>;
  makeAdmin(org: IOrganization): Promise<TestUser>;
  makeGroup(org: IOrganization, members?: TestUser[], overrides?: { name?: string; memberRole?: GroupMemberRole }): Promise<IGroup>;
  /** A valid access token for the user. */
  tokenFor(user: { _id: unknown; organizationId: unknown }): string;
  /** A new API key (clear text) owned by the user. */
  apiKeyFor(user: { _id: unknown; organizationId: unknown }, options?: { expiresAt?: Date }): Promise<string>;
  close(): Promise<void>;
}

const unique = () => randomBytes(4).toString('hex');

/**
 * One test file's world: its own database on the run's MongoDB (embedded engine unless MONGO_URI), real methods,
 * the real app. Set MCP_TEST_LOG=debug to see the service's logs.
 */
export async function createTestContext(label: string, configOverrides: Partial<AppConfigInput> = {}): Promise<TestContext> {
  const mongoose = new Mongoose();
  await mongoose.connect(testDatabaseUri(label), { serverSelectionTimeoutMS: 10_000 });
  const config = testConfig(configOverrides);
  const logger = createLogger({ level: process.env.MCP_TEST_LOG ?? 'error', silent: !process.env.MCP_TEST_LOG });
  const methods = createMethods(mongoose, { cipher: createCredentialCipher(config.credsKey) });
  await ensureIndexes(mongoose);
  const isReady = async () => mongoose.connection.readyState === 1;
  const app = createApp({ config, methods, logger, isReady, lookup: offlineLookup() });
  const deps = { ...methods, logger };

  const makeOrg: TestContext['makeOrg'] = (overrides = {}) => {
    const slug = overrides.slug ?? `org-${unique()}`;
    return createOrganization(deps, { name: overrides.name ?? `Org ${slug}`, slug });
  };

  const makeUser: TestContext['makeUser'] = async (org, overrides = {}) => {
    const password = overrides.password ?? `pw-${unique()}-${unique()}`;
    const user = await createUserAccount(deps, String(org._id), {
      email: overrides.email ?? `user-${unique()}@example.test`,
      name: overrides.name ?? 'Test User',
      password,
      role: overrides.role ?? SystemRoles.USER,
    });
    return { ...user, id: String(user._id), password };
  };

  const makeGroup: TestContext['makeGroup'] = (org, members = [], overrides = {}) =>
    methods.createGroup({
      organizationId: org._id,
      name: overrides.name ?? `group-${unique()}`,
      members: members.map((m) => ({ userId: m._id, role: overrides.memberRole ?? GroupMemberRole.MEMBER })),
    });

  return {
    app,
    methods,
    config,
    logger,
    mongoose,
    makeOrg,
    makeUser,
    makeAdmin: (org) => makeUser(org, { role: SystemRoles.ADMIN }),
    makeGroup,
    tokenFor: (user) => app.tokens.signAccessToken({ sub: String(user._id), org: String(user.organizationId) }),
    apiKeyFor: async (user, options = {}) => {
      const generated = generateApiKey();
      await methods.createApiKey({
        organizationId: String(user.organizationId),
        userId: String(user._id),
        name: 'test key',
        prefix: generated.prefix,
        hash: generated.hash,
        expiresAt: options.expiresAt ?? null,
      });
      return generated.key;
    },
    close: async () => {
      await app.services.mcp.shutdown();
      await mongoose.connection.dropDatabase().catch(() => undefined);
      await mongoose.disconnect();
    },
  };
}
