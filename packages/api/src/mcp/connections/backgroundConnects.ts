import type { Logger } from '@mcp-registry/data-schemas';

export const BACKGROUND_CONNECT_CONCURRENCY = 4;

/**
 * Runs connect attempts nobody waits for (an installation made for someone, changed credentials), a few at a
 * time so a burst of installs does not open a burst of sockets. Outcomes are recorded by the attempts themselves.
 * Disabled (`mcpConnections.connectInBackground: false`), nothing is scheduled: the first use connects.
 */
export function createBackgroundConnects(logger: Logger, options: { enabled?: boolean; concurrency?: number } = {}) {
  const concurrency = options.concurrency ?? BACKGROUND_CONNECT_CONCURRENCY;
  const queue: Array<() => Promise<unknown>> = [];
  let running = 0;
  let idle: Array<() => void> = [];

  function next(): void {
    while (running < concurrency && queue.length > 0) {
      const task = queue.shift() as () => Promise<unknown>;
      running += 1;
      void task()
        .catch((error: unknown) => logger.debug('[MCP] background connect failed', { error: error instanceof Error ? error.message : String(error) }))
        .finally(() => {
          running -= 1;
          next();
        });
    }
    if (running === 0 && queue.length === 0) {
      for (const resolve of idle) resolve();
      idle = [];
    }
  }

  return {
    schedule(task: () => Promise<unknown>): void {
      if (options.enabled === false) return;
      queue.push(task);
      next();
    },
    /** Resolves once nothing is queued or running (tests and shutdown). */
    settled(): Promise<void> {
      if (running === 0 && queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => idle.push(resolve));
    },
  };
}

export type BackgroundConnects = ReturnType<typeof createBackgroundConnects>;
