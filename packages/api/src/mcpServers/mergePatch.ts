function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * JSON merge patch (RFC 7386): objects merge key by key, `null` removes a key, anything else replaces. Keys are
 * defined as own properties, so a `__proto__` key in the patch is data, never a prototype change.
 */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isPlainObject(patch)) return patch;
  const result: Record<string, unknown> = isPlainObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
      continue;
    }
    setOwn(result, key, mergePatch(result[key], value));
  }
  return result;
}

/** Drops keys whose value is an empty object (`headers: {}` after removing its last header). */
export function withoutEmptyObjects<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => !(isPlainObject(v) && Object.keys(v).length === 0))) as T;
}
