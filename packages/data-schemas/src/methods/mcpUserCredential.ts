import type { Mongoose } from 'mongoose';
import type { CredentialCipher } from '../crypto/credentialCipher';
import { mcpUserCredentialSchema } from '../schema/mcpUserCredential';
import type { IMcpUserCredential } from '../schema/mcpUserCredential';
import { getModel } from '../utils/model';
import { toObjectId } from '../utils/objectId';
import type { Id } from '../utils/objectId';

export interface UserCredentialRef {
  organizationId: Id;
  installationId: Id;
  userId: Id;
}

type Row = Pick<IMcpUserCredential, 'installationId' | 'values'>;

/** Per-(installation, user) credentials. Values are decrypted only for the connection layer, never listed. */
export function createMcpUserCredentialMethods(mongoose: Mongoose, cipher?: CredentialCipher) {
  const Credential = getModel(mongoose, 'McpUserCredential', mcpUserCredentialSchema);

  function requireCipher(): CredentialCipher {
    if (!cipher) throw new Error('Per-user MCP credentials need a credential cipher (CREDS_KEY)');
    return cipher;
  }

  function keyOf(installationId: Id, userId: Id) {
    const iid = toObjectId(installationId);
    const uid = toObjectId(userId);
    return iid && uid ? { installationId: iid, userId: uid } : null;
  }

  /** The user's values in the clear (for a connection about to be made); `{}` when none are stored. */
  async function readUserCredentials(installationId: Id, userId: Id): Promise<Record<string, string>> {
    const key = keyOf(installationId, userId);
    if (!key) return {};
    const row = await Credential.findOne(key, { values: 1 }).lean<Row>();
    const sealed = row?.values ?? {};
    const open = requireCipher();
    return Object.fromEntries(Object.entries(sealed).map(([name, value]) => [name, open.decrypt(value)]));
  }

  /** Names of the variables the user has set, per installation (no decryption). */
  async function listUserCredentialNames(userId: Id, installationIds: readonly Id[]): Promise<Map<string, string[]>> {
    const uid = toObjectId(userId);
    const ids = installationIds.map(toObjectId).filter((id) => id !== null);
    const out = new Map<string, string[]>();
    if (!uid || ids.length === 0) return out;
    const rows = await Credential.find({ userId: uid, installationId: { $in: ids } }, { installationId: 1, values: 1 }).lean<Row[]>();
    for (const row of rows) out.set(String(row.installationId), Object.keys(row.values ?? {}));
    return out;
  }

  /**
   * Sets (a string) or clears (null) each named value in one atomic update; the names set afterwards are returned.
   * Names are validated by the caller (they become field paths).
   */
  async function setUserCredentials(ref: UserCredentialRef, changes: Record<string, string | null>): Promise<string[]> {
    const key = keyOf(ref.installationId, ref.userId);
    const organizationId = toObjectId(ref.organizationId);
    if (!key || !organizationId) throw new Error('setUserCredentials: malformed id');
    const $set: Record<string, string> = {};
    const $unset: Record<string, ''> = {};
    for (const [name, value] of Object.entries(changes)) {
      if (value === null) $unset[`values.${name}`] = '';
      else $set[`values.${name}`] = requireCipher().encrypt(value);
    }
    const update: Record<string, unknown> = { $setOnInsert: { organizationId } };
    if (Object.keys($set).length > 0) update.$set = $set;
    if (Object.keys($unset).length > 0) update.$unset = $unset;
    const row = await Credential.findOneAndUpdate(key, update, { upsert: true, new: true, projection: { values: 1 } }).lean<Row>();
    return Object.keys(row?.values ?? {});
  }

  async function removeUserCredentialsOfInstallations(installationIds: readonly Id[]): Promise<void> {
    const ids = installationIds.map(toObjectId).filter((id) => id !== null);
    if (ids.length > 0) await Credential.deleteMany({ installationId: { $in: ids } });
  }

  return { readUserCredentials, listUserCredentialNames, setUserCredentials, removeUserCredentialsOfInstallations };
}
