/** Whether the CMS answers: set by every API call, read by the "server unreachable" banner. */
export interface Connectivity {
  isDown(): boolean;
  markDown(): void;
  markUp(): void;
  subscribe(listener: () => void): () => void;
}

/** A tiny external store (for `useSyncExternalStore`) of the server's reachability. */
export function createConnectivity(): Connectivity {
  let down = false;
  const listeners = new Set<() => void>();
  const set = (value: boolean) => {
    if (down === value) return;
    down = value;
    listeners.forEach((listener) => listener());
  };
  return {
    isDown: () => down,
    markDown: () => set(true),
    markUp: () => set(false),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
