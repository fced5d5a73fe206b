// When deferred work runs. Work the app does not need before it gets its
// Response (parsing what the request asked, the start event, reading a JSON
// body's copy) runs in a later task; estimating tokens, the one heavy step,
// waits until the app is idle, so no response, stream or frame waits on it.

/**
 * Resolves in a later task (not a microtask: those run before the app's own
 * continuations). One timer per call, never a queue shared between calls: in a
 * Worker each request's timers belong to that request, and a shared timer that
 * its request took down with it would stall every later call in the isolate.
 */
export const later = (): Promise<void> => new Promise((resolve) => void setTimeout(resolve));

export const whenIdle = (): Promise<void> =>
  new Promise((resolve) => {
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => unknown }).requestIdleCallback;
    if (idle) idle(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve);
  });
