import type { Mongoose } from 'mongoose';
import { sessionSchema } from '../schema/session';
import type { ISession } from '../schema/session';
import { getModel } from '../utils/model';
import { toObjectId } from '../utils/objectId';
import type { Id } from '../utils/objectId';

export function createSessionMethods(mongoose: Mongoose) {
  const Session = getModel(mongoose, 'Session', sessionSchema);

  async function createSession(input: { userId: Id; tokenId: string; expiresAt: Date }): Promise<ISession> {
    const doc = await Session.create(input);
    return doc.toObject();
  }

  /**
   * Swaps the session's accepted token id, only if `tokenId` is still the current one: a refresh token
   * that was already used (replayed) finds nothing.
   */
  async function rotateSession(id: Id, tokenId: string, next: { tokenId: string; expiresAt: Date }): Promise<ISession | null> {
    const _id = toObjectId(id);
    if (!_id) return null;
    return Session.findOneAndUpdate(
      { _id, tokenId, expiresAt: { $gt: new Date() } },
      { $set: next },
      { new: true },
    ).lean<ISession>();
  }

  async function deleteSession(id: Id): Promise<void> {
    const _id = toObjectId(id);
    if (!_id) return;
    await Session.deleteOne({ _id });
  }

  async function deleteSessionsOfUser(userId: Id): Promise<void> {
    const uid = toObjectId(userId);
    if (!uid) return;
    await Session.deleteMany({ userId: uid });
  }

  return { createSession, rotateSession, deleteSession, deleteSessionsOfUser };
}
