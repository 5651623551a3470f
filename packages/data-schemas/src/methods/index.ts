import type { Mongoose } from 'mongoose';
import type { CredentialCipher } from '../crypto/credentialCipher';
import { watchIdentityWrites } from '../identity/identityWrites';
import type { IdentityWriteListener } from '../identity/identityWrites';
import { createModels } from '../models';
import { createAclEntryMethods } from './aclEntry';
import { createApiKeyMethods } from './apiKey';
import { createAuditLogMethods } from './auditLog';
import { createGroupMethods } from './group';
import { createInstallationMethods } from './installation';
import { createInstallationViewMethods } from './installationView';
import { createMcpOAuthClientMethods } from './mcpOAuthClient';
import { createMcpOAuthFlowMethods } from './mcpOAuthFlow';
import { createMcpOAuthLeaseMethods } from './mcpOAuthLease';
import { createMcpOAuthTokenMethods } from './mcpOAuthToken';
import { createMcpConnectionMethods } from './mcpConnection';
import { createMcpCredentialStampMethods } from './mcpCredentialStamp';
import { createMcpServerMethods } from './mcpServer';
import { createMcpUserCredentialMethods } from './mcpUserCredential';
import { createOrganizationMethods } from './organization';
import { createPrincipalMethods } from './principal';
import { createRateLimitMethods } from './rateLimit';
import { createRoleMethods } from './role';
import { createSessionMethods } from './session';
import { createUserMethods } from './user';

/** What method factories may need besides mongoose. */
export interface MethodDeps {
  /** Encrypts credentials at rest; required by factories that store secrets. */
  cipher?: CredentialCipher;
}

/**
 * All database access of the service. Each resource contributes one factory; add yours with one line.
 * `deps` is accepted by every factory that needs it (e.g. the installation factory's cipher).
 */
export function createMethods(mongoose: Mongoose, deps: MethodDeps = {}) {
  /** Otherwise every query captures `new Error().stack`, only to decorate a "query already executed" error. */
  mongoose.set('skipOriginalStackTraces', true);
  createModels(mongoose);
  return {
    ...createOrganizationMethods(mongoose),
    ...createUserMethods(mongoose),
    ...createRoleMethods(mongoose),
    ...createGroupMethods(mongoose),
    ...createApiKeyMethods(mongoose),
    ...createAuditLogMethods(mongoose),
    ...createSessionMethods(mongoose),
    ...createMcpServerMethods(mongoose, deps.cipher),
    ...createAclEntryMethods(mongoose),
    ...createPrincipalMethods(mongoose),
    ...createInstallationMethods(mongoose, deps),
    ...createInstallationViewMethods(mongoose),
    ...createRateLimitMethods(mongoose),
    /** Subscribes to writes to users, roles, groups and API keys made through this connection; returns the unsubscribe. */
    watchIdentityWrites: (listener: IdentityWriteListener) => watchIdentityWrites(mongoose.connection, listener),
    ...createMcpOAuthFlowMethods(mongoose, deps.cipher),
    ...createMcpOAuthTokenMethods(mongoose, deps.cipher),
    ...createMcpOAuthLeaseMethods(mongoose),
    ...createMcpOAuthClientMethods(mongoose, deps.cipher),
    ...createMcpUserCredentialMethods(mongoose, deps.cipher),
    ...createMcpCredentialStampMethods(mongoose),
    ...createMcpConnectionMethods(mongoose),
  };
}

export type Methods = ReturnType<typeof createMethods>;
