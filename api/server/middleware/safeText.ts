/** NUL (refused by BSON in keys and regexes, and a truncation point for C libraries) and UTF-16 halves without a partner. */
const UNSAFE_TEXT = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export interface TextProblem {
  field: string;
  location: string;
  message: string;
}

const MESSAGE = 'Must not contain NUL characters or unpaired surrogates';

/** Every string of the input, keys included, that no storage or pattern can take as text. Depth is bounded by the JSON parser. */
export function unsafeText(location: string, value: unknown, path = ''): TextProblem[] {
  if (typeof value === 'string') return UNSAFE_TEXT.test(value) ? [{ field: path, location, message: MESSAGE }] : [];
  if (typeof value !== 'object' || value === null) return [];
  const inArray = Array.isArray(value);
  return Object.entries(value).flatMap(([key, child]) => {
    const childPath = inArray ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    if (UNSAFE_TEXT.test(key)) return [{ field: childPath, location, message: MESSAGE }];
    return unsafeText(location, child, childPath);
  });
}
