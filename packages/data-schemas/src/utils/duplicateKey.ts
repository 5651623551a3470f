/** MongoDB's duplicate key error (E11000), from an insert, an update or an upsert. */
export function isDuplicateKeyError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === 11000 || code === 11001;
}

/**
 * Runs `fn` and, when it loses a race on a unique index, runs it once more: an upsert that collided is
 * re-read and returns the winner. A second duplicate-key error propagates (the caller maps it to 409).
 */
export function retryOnceOnDuplicateKey<A extends unknown[], R>(fn: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return async (...args: A) => {
    try {
      return await fn(...args);
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      return fn(...args);
    }
  };
}

/** The key of the unique index that was violated, when the server said (`{ email: 1 }` → `['email']`). */
export function duplicateKeyFields(error: unknown): string[] {
  if (!isDuplicateKeyError(error)) return [];
  const keyPattern = (error as { keyPattern?: Record<string, unknown> }).keyPattern;
  return keyPattern ? Object.keys(keyPattern) : [];
}
