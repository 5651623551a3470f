import type { LockRecord } from './lockRecord';
import { currentBootId, processStatus } from './processIdentity';

function answersSignalZero(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Whether the process a lock record names may still be running, judged from the record alone (used where the
 * file system offers no advisory lock, and for records of earlier versions). Our own pid is never the holder: in a
 * container the service is pid 1 on every start. A zombie has released its files. With a boot id and start
 * time, a recycled pid or a record from before a reboot is told apart from the writer.
 */
export function recordedHolderMayBeRunning(record: LockRecord): boolean {
  if (record.pid === process.pid) return false;
  const bootId = currentBootId();
  if (record.bootId !== null && bootId !== null && record.bootId !== bootId) return false;
  const status = processStatus(record.pid);
  if (status === null) return bootId === null ? answersSignalZero(record.pid) : false;
  if (status.state === 'Z' || status.state === 'X') return false;
  return record.startTime === null || record.startTime === status.startTime;
}
