/**
 * "What some user can use may have changed" within this process (an install, an uninstall, new credentials, a
 * reconnect): listeners (the gateway) re-check what they announced. Other replicas' changes reach them by polling.
 */
export function createChangeSignal() {
  const listeners = new Set<() => void>();
  return {
    notify(): void {
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type ChangeSignal = ReturnType<typeof createChangeSignal>;
