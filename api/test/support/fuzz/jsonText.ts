/** JSON text spliced into a generated body as it is: deep nesting, `__proto__` keys, repeated keys. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** JSON.stringify that keeps RawJson pieces verbatim and escapes lone surrogates (`"\ud800"`). */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map(toJsonText).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${toJsonText(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** `value` with `replacement` at `path`, creating objects on the way; the original is left alone. */
export function withValueAt(value: unknown, path: ReadonlyArray<string | number>, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path as [string | number, ...Array<string | number>];
  const base = typeof value === 'object' && value !== null && !(value instanceof RawJson) ? value : typeof head === 'number' ? [] : {};
  const copy = (Array.isArray(base) ? [...(base as unknown[])] : { ...base }) as Record<string | number, unknown>;
  copy[head] = withValueAt(copy[head], rest, replacement);
  return copy;
}
