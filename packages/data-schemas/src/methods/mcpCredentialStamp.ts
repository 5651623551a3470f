import type { Mongoose } from 'mongoose';
import { installationSchema } from '../schema/installation';
import { mcpOAuthTokenSchema } from '../schema/mcpOAuthToken';
import { mcpUserCredentialSchema } from '../schema/mcpUserCredential';
import { getModel } from '../utils/model';
import { toObjectId } from '../utils/objectId';
import type { Id } from '../utils/objectId';

type Dated = { updatedAt?: Date };

/**
 * What a live MCP connection's credentials were taken from, condensed: the installation's values, the user's own
 * values and their OAuth grant. A change made through any replica changes the stamp, which is how the other
 * replicas learn that a connection they hold was made with credentials that no longer apply.
 */
export function createMcpCredentialStampMethods(mongoose: Mongoose) {
  const Installation = getModel(mongoose, 'McpInstallation', installationSchema);
  const Credential = getModel(mongoose, 'McpUserCredential', mcpUserCredentialSchema);
  const Token = getModel(mongoose, 'McpOAuthToken', mcpOAuthTokenSchema);

  async function readMcpCredentialStamp(installationId: Id, userId: Id | null): Promise<string> {
    const iid = toObjectId(installationId);
    if (!iid) return 'none';
    const uid = userId === null ? null : toObjectId(userId);
    const [installation, own, grant] = await Promise.all([
      Installation.findById(iid, { updatedAt: 1 }).lean<Dated>(),
      uid ? Credential.findOne({ installationId: iid, userId: uid }, { updatedAt: 1 }).lean<Dated>() : null,
      uid ? Token.findOne({ installationId: iid, userId: uid }, { _id: 1 }).lean<{ _id: unknown }>() : null,
    ]);
    return [installation?.updatedAt?.getTime() ?? 'gone', own?.updatedAt?.getTime() ?? 'none', grant ? String(grant._id) : 'none'].join(':');
  }

  return { readMcpCredentialStamp };
}
