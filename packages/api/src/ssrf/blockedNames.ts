const LOCAL_NAMES = new Set(['localhost', 'localhost.localdomain']);
const LOCAL_SUFFIXES = ['localhost', 'local', 'internal', 'home.arpa', 'localdomain'];

/** Why a normalised host name is never a public target, or undefined. Suffixes match whole labels only. */
export function blockedNameReason(name: string): string | undefined {
  if (LOCAL_NAMES.has(name)) return `"${name}" is a local host name`;
  const suffix = LOCAL_SUFFIXES.find((s) => name === s || name.endsWith(`.${s}`));
  if (suffix) return `"${name}" is in the local-only domain .${suffix}`;
  if (!name.includes('.')) return `"${name}" is a single-label host name`;
  return undefined;
}
