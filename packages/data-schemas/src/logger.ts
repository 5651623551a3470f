import winston from 'winston';
import type { Logger } from 'winston';

export type { Logger } from 'winston';

const SECRET_KEY = /pass(word)?|secret|token|authorization|cookie|api[-_]?key|creds|credential|private[-_]?key|^key$|^hash$/i;
const BEARER = /\b(Bearer\s+)[A-Za-z0-9._~+/=-]+/g;
const API_KEY = /\bmcpr_[A-Za-z0-9]+_[A-Za-z0-9_-]+/g;
const REDACTED = '[REDACTED]';
const MAX_DEPTH = 6;

const MAYBE_SECRET = /bearer|mcpr_/i;

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
    out[key] = SECRET_KEY.test(key) && v !== undefined && v !== null && typeof v !== 'boolean' ? REDACTED : redact(v, depth + 1);
  }
  return out;
}

const redactFormat = winston.format((info) => {
  for (const key of Object.keys(info)) {
    const value: unknown = info[key];
    if (key === 'level' || typeof value === 'number' || typeof value === 'boolean' || value === undefined || value === null) continue;
    info[key] = key !== 'message' && SECRET_KEY.test(key) ? REDACTED : redact(value);
  }
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
    format: winston.format.combine(redactFormat(), winston.format.timestamp(), line),
    transports: [transport],
  });
}

/** The process-wide logger; the server replaces its level from configuration at start-up. */
export const logger: Logger = createLogger({ level: process.env.LOG_LEVEL ?? 'info' });
