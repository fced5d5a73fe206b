// Estimating tokens is the one heavy step; it waits until the app is idle so
// no response, stream or frame ever waits on it.
export function whenIdle(): Promise<void> {
  return new Promise((resolve) => {
    const g = globalThis as { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => unknown };
    if (typeof g.requestIdleCallback === "function") g.requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 0);
  });
}
