import {
  FORBIDDEN_MCP_HEADER_PREFIX,
  forbiddenMcpHeaderNames,
  McpServerLimits,
  McpTransport,
  mcpApiTransports,
  MCP_USER_VAR_NAME_PATTERN,
} from '@mcp-registry/data-provider';

/** Custom validators of the catalog's request fields: each throws an Error whose message becomes the 400 detail. */

const L = McpServerLimits;
const PLACEHOLDER = /\$\{[^}]*\}|\{\{[^}]*\}\}/;
const HEADER_TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const CONTROL = /[\r\n\0]/;

export type Mode = 'create' | 'patch';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function percentDecoded(value: string): string {
  return value.replace(/%24/gi, '$').replace(/%7b/gi, '{').replace(/%7d/gi, '}');
}

export function transport(value: unknown): true {
  if (value === McpTransport.STDIO) throw new Error('stdio servers can only be declared in the configuration file');
  if (typeof value !== 'string' || !mcpApiTransports.includes(value)) throw new Error(`One of ${mcpApiTransports.join(', ')}`);
  return true;
}

/** An absolute http(s) URL without `${…}` or `{{…}}` placeholders (also percent-encoded) and without credentials. */
export function httpUrl(value: unknown): true {
  if (typeof value !== 'string' || value.length === 0) throw new Error('Must be a non-empty string');
  if (value.length > L.URL_MAX) throw new Error(`At most ${L.URL_MAX} characters`);
  if (PLACEHOLDER.test(value) || PLACEHOLDER.test(percentDecoded(value))) throw new Error('Placeholders (${…}, {{…}}) are not allowed in URLs');
  if (CONTROL.test(value) || /\s/.test(value)) throw new Error('Must not contain whitespace or control characters');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error('Must be an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('The streamable-http and sse transports need an http or https URL');
  if (url.username || url.password) throw new Error('Credentials in the URL are not allowed; use headers or OAuth');
  return true;
}

/** An icon: an http(s) URL or a site path (`/icons/x.svg`). */
export function iconPath(value: unknown): true {
  if (typeof value !== 'string') throw new Error('Must be a string');
  if (value.length > L.ICON_PATH_MAX) throw new Error(`At most ${L.ICON_PATH_MAX} characters`);
  if (value.startsWith('/') && !value.startsWith('//') && !CONTROL.test(value) && !PLACEHOLDER.test(value)) return true;
  return httpUrl(value);
}

export function headerName(value: unknown): true {
  if (typeof value !== 'string' || value.length === 0) throw new Error('Must be a non-empty string');
  if (value.length > L.HEADER_NAME_MAX) throw new Error(`At most ${L.HEADER_NAME_MAX} characters`);
  if (!HEADER_TOKEN.test(value)) throw new Error(`Header name "${value}" has characters a header name cannot have`);
  const lower = value.toLowerCase();
  if (forbiddenMcpHeaderNames.includes(lower) || lower.startsWith(FORBIDDEN_MCP_HEADER_PREFIX)) {
    throw new Error(`Header "${value}" cannot be set on an MCP server`);
  }
  return true;
}

function headerValue(name: string, value: unknown): void {
  if (typeof value !== 'string') throw new Error(`Header "${name}": the value must be a string`);
  if (value.length > L.HEADER_VALUE_MAX) throw new Error(`Header "${name}": at most ${L.HEADER_VALUE_MAX} characters`);
  if (CONTROL.test(value)) throw new Error(`Header "${name}": the value must not contain CR, LF or NUL`);
}

/** `{ name: value }`; in a patch a `null` value removes that header. Names are also checked case-insensitively for repeats. */
export function headers(mode: Mode) {
  return (value: unknown): true => {
    if (!isPlainObject(value)) throw new Error('Must be an object of header names to values');
    const entries = Object.entries(value);
    if (entries.length > L.HEADERS_MAX) throw new Error(`At most ${L.HEADERS_MAX} headers`);
    const seen = new Set<string>();
    for (const [name, v] of entries) {
      headerName(name);
      if (seen.has(name.toLowerCase())) throw new Error(`Header "${name}" is given twice`);
      seen.add(name.toLowerCase());
      if (mode === 'patch' && v === null) continue;
      headerValue(name, v);
    }
    return true;
  };
}

function userVar(name: string, value: unknown): void {
  if (!isPlainObject(value)) throw new Error(`${name}: must be an object with a title`);
  const unknown = Object.keys(value).filter((k) => k !== 'title' && k !== 'description');
  if (unknown.length > 0) throw new Error(`${name}: unknown field(s): ${unknown.join(', ')}`);
  const { title, description } = value;
  if (typeof title !== 'string' || title.trim().length === 0) throw new Error(`${name}.title: required, a non-empty string`);
  if (title.length > L.USER_VAR_TEXT_MAX) throw new Error(`${name}.title: at most ${L.USER_VAR_TEXT_MAX} characters`);
  if (description !== undefined && (typeof description !== 'string' || description.length > L.USER_VAR_TEXT_MAX)) {
    throw new Error(`${name}.description: a string of at most ${L.USER_VAR_TEXT_MAX} characters`);
  }
}

/** `{ NAME: { title, description? } }`; in a patch a `null` value removes that variable. */
export function userVars(mode: Mode) {
  return (value: unknown): true => {
    if (!isPlainObject(value)) throw new Error('Must be an object of variable names to { title, description }');
    const entries = Object.entries(value);
    if (entries.length > L.USER_VARS_MAX) throw new Error(`At most ${L.USER_VARS_MAX} variables`);
    for (const [name, v] of entries) {
      if (!MCP_USER_VAR_NAME_PATTERN.test(name)) throw new Error(`Variable name "${name}" must be letters, digits and underscores`);
      if (mode === 'patch' && v === null) continue;
      userVar(name, v);
    }
    return true;
  };
}

export function boundedString(max: number, options: { nonEmpty?: boolean } = {}) {
  return (value: unknown): true => {
    if (typeof value !== 'string') throw new Error('Must be a string');
    if (options.nonEmpty && value.length === 0) throw new Error('Must not be empty');
    if (value.length > max) throw new Error(`At most ${max} characters`);
    return true;
  };
}
