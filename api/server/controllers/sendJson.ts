import type { Request, Response } from 'express';

const texts = new WeakMap<object, string>();

/** JSON text of `value`, kept beside it when it is frozen (a frozen flat DTO cannot change, so neither can its text). */
export function jsonText(value: object): string {
  if (!Object.isFrozen(value)) return JSON.stringify(value);
  const known = texts.get(value);
  if (known !== undefined) return known;
  const text = JSON.stringify(value);
  texts.set(value, text);
  return text;
}

/** True when Express's res.json would do nothing beyond stringify, Content-Type, Content-Length and end. */
function isPlainJsonResponse(req: Request, res: Response): boolean {
  const settings = res.app.settings as Record<string, unknown>;
  if (settings['json replacer'] !== undefined || settings['json spaces'] !== undefined || settings['json escape'] !== undefined) return false;
  if (settings['etag fn'] !== undefined || (res.statusCode !== 200 && res.statusCode !== 201)) return false;
  if (req.headers['if-none-match'] !== undefined || req.headers['if-modified-since'] !== undefined) return false;
  return !res.hasHeader('content-type') && !res.hasHeader('transfer-encoding');
}

/**
 * `res.json(value)` with the same status, headers and body, without Express's per-call settings lookups and
 * MIME/charset parsing. Anything Express treats specially (JSON settings, ETags, conditional requests, a preset
 * Content-Type or Transfer-Encoding, other statuses) goes to res.json itself.
 */
export function sendJson(req: Request, res: Response, value: object): void {
  if (!isPlainJsonResponse(req, res)) {
    res.json(value);
    return;
  }
  const text = jsonText(value);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', String(Buffer.byteLength(text)));
  if (req.method === 'HEAD') res.end();
  else res.end(text, 'utf8');
}
