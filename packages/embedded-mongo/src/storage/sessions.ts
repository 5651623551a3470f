import { createHash } from 'node:crypto';
import { Binary } from 'bson';

import type { Doc } from '../types';
import { isPlainObject } from '../types';

/** Without authentication every session belongs to the same (empty) user: mongod's uid is SHA-256 of "". */
const ANONYMOUS_UID = new Binary(createHash('sha256').update('').digest(), 0);

const keyOf = (id: unknown): string | null => (id instanceof Binary ? id.toString('hex') : null);

/** The logical sessions clients have used (their `lsid`), as mongod's in-memory session cache lists them. */
export class LocalSessions {
  private readonly sessions = new Map<string, { id: Binary; lastUse: Date }>();

  touch(lsid: unknown): void {
    if (!isPlainObject(lsid)) return;
    const key = keyOf(lsid.id);
    if (key) this.sessions.set(key, { id: lsid.id as Binary, lastUse: new Date() });
  }

  end(lsids: unknown): void {
    if (!Array.isArray(lsids)) return;
    for (const lsid of lsids) {
      const key = isPlainObject(lsid) ? keyOf(lsid.id) : null;
      if (key) this.sessions.delete(key);
    }
  }

  list(): Doc[] {
    return [...this.sessions.values()].map(({ id, lastUse }) => ({ _id: { id, uid: ANONYMOUS_UID }, lastUse }));
  }
}
