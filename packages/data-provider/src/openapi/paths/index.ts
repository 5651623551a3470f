import type { OpenApiModule } from '../types';
import { apiKeyPaths } from './apiKeys';
import { auditPaths } from './audit';
import { authPaths } from './auth';
import { gatewayPaths } from './gateway';
import { groupPaths } from './groups';
import { installationPaths } from './installations';
import { mcpOAuthPaths } from './mcpOAuth';
import { mcpConnectionPaths } from './mcpConnections';
import { mcpServerPaths, mcpServerPermissionPaths } from './mcpServers';
import { rolePaths } from './roles';
import { systemPaths } from './system';
import { userPaths } from './users';

/** One entry per resource file; add yours with one line. */
export const openApiModules: OpenApiModule[] = [
  systemPaths,
  authPaths,
  userPaths,
  groupPaths,
  rolePaths,
  apiKeyPaths,
  auditPaths,
  installationPaths,
  mcpServerPaths,
  mcpServerPermissionPaths,
  mcpOAuthPaths,
  mcpConnectionPaths,
  gatewayPaths,
];
