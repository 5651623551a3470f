import { existsSync } from 'node:fs';
import path from 'node:path';
import express from 'express';
import type { Express, NextFunction, Request, Response } from 'express';

/** Paths the service answers itself; a browser route never starts with them. */
const SERVICE_PREFIXES = ['/api', '/mcp', '/health', '/ready'];
const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000;

/** The page may load its own scripts, styles and images and call its own origin, nothing else. */
const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const isServicePath = (p: string) => SERVICE_PREFIXES.some((prefix) => p === prefix || p.startsWith(`${prefix}/`));

export function hasClientBuild(dir: string): boolean {
  return existsSync(path.join(dir, 'index.html'));
}

/**
 * The built web client at `/`: content-hashed files under `/assets` cached for a year, and `index.html` (never
 * cached, so a new build is picked up) for every other GET that is not a service path, so client routes load.
 * Mounted after the API routes; unknown `/api/*` paths still get the JSON 404.
 */
export function mountClientApp(app: Express, dir: string): void {
  app.use('/assets', express.static(path.join(dir, 'assets'), { index: false, immutable: true, maxAge: ONE_YEAR_MS, fallthrough: true }));
  const indexFile = path.join(dir, 'index.html');
  app.use(function clientPage(req: Request, res: Response, next: NextFunction) {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isServicePath(req.path) || req.path.startsWith('/assets/')) return next();
    if (!req.accepts('html')) return next();
    res.setHeader('Content-Security-Policy', PAGE_CSP);
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(indexFile, (error) => error && next(error));
  });
}
