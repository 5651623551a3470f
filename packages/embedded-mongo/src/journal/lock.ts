import fs from 'node:fs';
import path from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One engine per dbPath: a lock file naming the owning pid; a dead owner's lock is taken over. */
export function acquireLock(dir: string): () => void {
  const file = path.join(dir, 'mongod.lock');
  let held: number | null = null;
  try {
    held = Number(fs.readFileSync(file, 'utf8').trim()) || null;
  } catch {
    held = null;
  }
  if (held !== null && alive(held)) throw new Error(`dbPath ${dir} is in use by process ${held}`);
  fs.writeFileSync(file, String(process.pid));
  return () => {
    try {
      if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file);
    } catch {
      return;
    }
  };
}
