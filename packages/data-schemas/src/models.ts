import type { Mongoose } from 'mongoose';
import { getModel } from './utils/model';
import { aclEntrySchema } from './schema/aclEntry';
import { apiKeySchema } from './schema/apiKey';
import { auditLogSchema } from './schema/auditLog';
import { groupSchema } from './schema/group';
import { installationSchema } from './schema/installation';
import { mcpOAuthClientSchema } from './schema/mcpOAuthClient';
import { mcpOAuthFlowSchema } from './schema/mcpOAuthFlow';
import { mcpOAuthLeaseSchema } from './schema/mcpOAuthLease';
import { mcpOAuthTokenSchema } from './schema/mcpOAuthToken';
import { mcpServerSchema } from './schema/mcpServer';
import { mcpConnectionSchema } from './schema/mcpConnection';
import { mcpServerUserSchema } from './schema/mcpServerUser';
import { mcpUserCredentialSchema } from './schema/mcpUserCredential';
import { organizationSchema } from './schema/organization';
import { rateLimitWindowSchema } from './schema/rateLimitWindow';
import { roleSchema } from './schema/role';
import { sessionSchema } from './schema/session';
import { userSchema } from './schema/user';

/** Every model of the service, registered on `mongoose`; add a resource with one line. */
export function createModels(mongoose: Mongoose) {
  return {
    Organization: getModel(mongoose, 'Organization', organizationSchema),
    User: getModel(mongoose, 'User', userSchema),
    Role: getModel(mongoose, 'Role', roleSchema),
    Group: getModel(mongoose, 'Group', groupSchema),
    ApiKey: getModel(mongoose, 'ApiKey', apiKeySchema),
    AuditLog: getModel(mongoose, 'AuditLog', auditLogSchema),
    Session: getModel(mongoose, 'Session', sessionSchema),
    McpServer: getModel(mongoose, 'McpServer', mcpServerSchema),
    AclEntry: getModel(mongoose, 'AclEntry', aclEntrySchema),
    McpInstallation: getModel(mongoose, 'McpInstallation', installationSchema),
    McpServerUser: getModel(mongoose, 'McpServerUser', mcpServerUserSchema),
    RateLimitWindow: getModel(mongoose, 'RateLimitWindow', rateLimitWindowSchema),
    McpOAuthFlow: getModel(mongoose, 'McpOAuthFlow', mcpOAuthFlowSchema),
    McpOAuthToken: getModel(mongoose, 'McpOAuthToken', mcpOAuthTokenSchema),
    McpOAuthLease: getModel(mongoose, 'McpOAuthLease', mcpOAuthLeaseSchema),
    McpOAuthClient: getModel(mongoose, 'McpOAuthClient', mcpOAuthClientSchema),
    McpUserCredential: getModel(mongoose, 'McpUserCredential', mcpUserCredentialSchema),
    McpConnection: getModel(mongoose, 'McpConnection', mcpConnectionSchema),
  };
}

export type Models = ReturnType<typeof createModels>;

/** Waits until every registered model's indexes exist (unique rules are enforced from then on). */
export async function ensureIndexes(mongoose: Mongoose): Promise<void> {
  await Promise.all(mongoose.modelNames().map((name) => mongoose.model(name).init()));
}
