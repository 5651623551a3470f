import type { Mongoose } from 'mongoose';
import type { CredentialCipher } from '../crypto/credentialCipher';
import { mcpOAuthClientSchema } from '../schema/mcpOAuthClient';
import type { IMcpOAuthClient } from '../schema/mcpOAuthClient';
import { getModel } from '../utils/model';
import { toObjectId } from '../utils/objectId';
import type { Id } from '../utils/objectId';

export interface PlainMcpOAuthClient {
  issuer: string;
  redirectUri: string;
  clientInformation: Record<string, unknown>;
}

export function createMcpOAuthClientMethods(mongoose: Mongoose, cipher?: CredentialCipher) {
  const Client = getModel(mongoose, 'McpOAuthClient', mcpOAuthClientSchema);

  function requireCipher(): CredentialCipher {
    if (!cipher) throw new Error('OAuth clients need a credential cipher (CREDS_KEY)');
    return cipher;
  }

  async function findOAuthClient(serverId: Id): Promise<PlainMcpOAuthClient | null> {
    const sid = toObjectId(serverId);
    if (!sid) return null;
    const row = await Client.findOne({ serverId: sid }).lean<IMcpOAuthClient>();
    if (!row) return null;
    const clientInformation = JSON.parse(requireCipher().decrypt(row.clientInformation)) as Record<string, unknown>;
    return { issuer: row.issuer, redirectUri: row.redirectUri, clientInformation };
  }

  /** Keeps one registered client per catalog server: a new registration replaces the old one. */
  async function saveOAuthClient(serverId: Id, client: PlainMcpOAuthClient): Promise<void> {
    const sid = toObjectId(serverId);
    if (!sid) throw new Error('A valid serverId is required');
    const fields = {
      issuer: client.issuer,
      redirectUri: client.redirectUri,
      clientInformation: requireCipher().encrypt(JSON.stringify(client.clientInformation)),
      createdAt: new Date(),
    };
    await Client.updateOne({ serverId: sid }, { $set: fields }, { upsert: true });
  }

  async function deleteOAuthClient(serverId: Id): Promise<void> {
    const sid = toObjectId(serverId);
    if (!sid) return;
    await Client.deleteOne({ serverId: sid });
  }

  return { findOAuthClient, saveOAuthClient, deleteOAuthClient };
}
