import winston from 'winston';
import type { Logger } from 'winston';

export type { Logger } from 'winston';

const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|api[-_]?key|creds|credential|private[-_]?key|^key$|^hash$/i;
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/g;
const API_KEY = /\bmcpr_[A-Za-z0-9]+_[A-Za-z0-9_-]+/g;
const REDACTED = '[REDACTED]';
const MAX_DEPTH = 6;

const MAYBE_SECRET = /bearer|mcpr_/i;

const secretKeys = new Map<string, boolean>();

/** SECRET_KEY.test, remembered per key: log metadata reuses a small set of keys on every line. */
function isSecretKey(key: string): boolean {
  const known = secretKeys.get(key);
  if (known !== undefined) return known;
  const secret = SECRET_KEY.test(key);
  if (secretKeys.size < 1_000) secretKeys.set(key, secret);
  return secret;
}

function redactString(value: string): string {
  if (!MAYBE_SECRET.test(value)) return value;
  return value.replace(BEARER, `$1${REDACTED}`).replace(API_KEY, REDACTED);
}

/** A copy of `value` with secret-looking keys masked and bearer tokens / API keys cut out of strings. */
export function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactString(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth >= MAX_DEPTH) return '[Object]';
  if (value instanceof Error) return { name: value.name, message: redactString(value.message), stack: value.stack };
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  if (value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = isSecretKey(key) && v !== undefined && v !== null && typeof v !== 'boolean' ? REDACTED : redact(v, depth + 1);
  }
  return out;
}

const redactFormat = winston.format((info) => {
  for (const key of Object.keys(info)) {
    const value: unknown = info[key];
    if (key === 'level' || typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) continue;
    info[key] = key !== 'message' && isSecretKey(key) ? REDACTED : redact(value);
  }
  return info;
});

let lastMs = -1;
let lastIso = '';

/** winston's timestamp format (ISO 8601, kept when the entry has one), formatting each millisecond once. */
const isoTimestamp = winston.format((info) => {
  if (info.timestamp) return info;
  const ms = Date.now();
  if (ms !== lastMs) {
    lastMs = ms;
    lastIso = new Date(ms).toISOString();
  }
  info.timestamp = lastIso;
  return info;
});

const MESSAGE = Symbol.for('message');

/** winston's json format, with plain JSON.stringify first (several times faster) and its safe fallback for cycles. */
const fastJson = winston.format((info) => {
  try {
    (info as Record<symbol, unknown>)[MESSAGE] = JSON.stringify(info);
    return info;
  } catch {
    return winston.format.json().transform(info) as typeof info;
  }
});

export interface LoggerOptions {
  level?: string;
  /** JSON lines (default in production) or a readable single line. */
  json?: boolean;
  /** Where lines go; defaults to stdout. Tests and benchmarks pass a sink. */
  stream?: NodeJS.WritableStream;
  silent?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const json = options.json ?? process.env.NODE_ENV === 'production';
  const line = json
    ? fastJson()
    : winston.format.printf(({ level, message, timestamp, ...meta }) => {
        const rest = Object.keys(meta).length ? ` ${JSON.stringify(meta)}` : '';
        return `${String(timestamp)} ${level}: ${String(message)}${rest}`;
      });
  const transport = options.stream
    ? new winston.transports.Stream({ stream: options.stream })
    : new winston.transports.Console();
  return winston.createLogger({
    level: options.level ?? 'info',
    silent: options.silent,
    format: winston.format.combine(redactFormat(), isoTimestamp(), line),
    transports: [transport],
  });
}

const LEVEL = Symbol.for('level');
const noop = (): void => undefined;

type Meta = Record<string, unknown>;

/** Entries winston treats specially (a child's metadata, splat tokens, merged message/stack/cause, exceptions). */
function needsWinstonLog(logger: Logger, message: string, meta: Meta): boolean {
  if (Object.prototype.hasOwnProperty.call(logger, 'write') || message.includes('%')) return true;
  return 'message' in meta || 'stack' in meta || 'cause' in meta || 'exception' in meta;
}

function accepts(logger: Logger, transport: Logger['transports'][number], level: string): boolean {
  if (transport.silent) return false;
  return (logger.levels[transport.level || logger.level] ?? -1) >= (logger.levels[level] ?? 0);
}

/**
 * `logger.log(level, message, meta)` through the logger's own format and transports, without winston's stream
 * plumbing (a Transform piped into each transport, about as costly as formatting the line). For lines written
 * on every request. Same entry, same line, same `silent` and level rules as winston (see winston-transport's
 * `_write`); child loggers and messages with splat tokens take winston's own path.
 */
export function createDirectLog(logger: Logger, level: string): (message: string, meta: Meta) => void {
  return function directLog(message, meta) {
    if (needsWinstonLog(logger, message, meta)) {
      logger.log(level, message, meta);
      return;
    }
    if (logger.silent) return;
    const transports = logger.transports;
    if (!transports.some((t) => accepts(logger, t, level))) return;
    const entry = Object.assign({}, logger.defaultMeta as Meta | undefined, meta, { [LEVEL]: level, level, message });
    const info = logger.format.transform(entry, logger.format.options);
    if (typeof info === 'boolean') return;
    for (const transport of transports) {
      if (!accepts(logger, transport, level)) continue;
      const out = transport.format ? transport.format.transform(Object.assign({}, info), transport.format.options) : info;
      if (typeof out !== 'boolean') transport.log?.(out, noop);
    }
  };
}

/** The process-wide logger; the server replaces its level from configuration at start-up. */
export const logger: Logger = createLogger({ level: process.env.LOG_LEVEL ?? 'info' });
