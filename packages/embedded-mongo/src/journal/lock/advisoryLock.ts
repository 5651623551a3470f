/** The part of fs-native-extensions used here (open file description locks on Linux, flock elsewhere). */
interface NativeLocks {
  tryLock(fd: number): boolean;
  unlock(fd: number): void;
}

export type LockOutcome = 'granted' | 'busy' | 'unsupported';

const UNSUPPORTED = new Set(['ENOLCK', 'ENOSYS', 'EOPNOTSUPP', 'ENOTSUP', 'EINVAL']);

let native: NativeLocks | null | undefined;

function nativeLocks(): NativeLocks | null {
  if (native !== undefined) return native;
  try {
    native = require('fs-native-extensions') as NativeLocks;
  } catch {
    native = null;
  }
  return native;
}

/**
 * An exclusive advisory lock on an open file that the kernel drops when the holder's descriptor closes, that is
 * when the process exits however it exits. "unsupported" where the platform or file system has no such lock.
 */
export function tryExclusiveLock(fd: number): LockOutcome {
  const locks = nativeLocks();
  if (!locks) return 'unsupported';
  try {
    return locks.tryLock(fd) ? 'granted' : 'busy';
  } catch (error) {
    if (UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) return 'unsupported';
    throw error;
  }
}

export function releaseExclusiveLock(fd: number): void {
  nativeLocks()?.unlock(fd);
}
