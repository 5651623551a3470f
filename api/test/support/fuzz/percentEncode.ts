const LONE_SURROGATE = /([\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff])/;

/** The three bytes a UTF-8 encoder that does not check would write for a lone surrogate (invalid UTF-8). */
function surrogateBytes(unit: string): string {
  const code = unit.charCodeAt(0);
  const bytes = [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)];
  return bytes.map((b) => `%${b.toString(16).toUpperCase()}`).join('');
}

/** encodeURIComponent that does not throw on lone surrogates: they become invalid UTF-8 in the URL. */
export function percentEncode(text: string): string {
  return text
    .split(LONE_SURROGATE)
    .map((part, i) => (i % 2 === 1 ? surrogateBytes(part) : encodeURIComponent(part)))
    .join('');
}
