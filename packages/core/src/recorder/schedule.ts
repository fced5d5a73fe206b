// When deferred work runs. Work the app does not need before it gets its
// Response (parsing what the request asked, the start event, reading a JSON
// body's copy) runs in a later task; estimating tokens, the one heavy step,
// waits until the app is idle, so no response, stream or frame waits on it.

/**
 * Runs fn in a later task (not a microtask: those run before the app's own
 * continuations): setImmediate where there is one, else a timer. In Node a
 * timer of 0 waits at least 1 ms, so an app making calls back to back woke the
 * event loop once more per call just for it (~0.15 ms of CPU a call against a
 * local server); setImmediate runs right after the I/O callbacks that set it
 * off, in the same turn. One per call, never a queue shared between calls: in
 * a Worker each request's timers belong to that request, and a shared one that
 * its request took down with it would stall every later call in the isolate.
 */
const immediate = (globalThis as { setImmediate?: (fn: () => void) => void }).setImmediate;
export const afterTheApp: (fn: () => void) => void = immediate ?? ((fn) => void setTimeout(fn));
/**
 * Whether a later task costs a turn of the event loop and no more. A timer
 * does not: browsers hold nested ones to 4 ms (a hidden tab's to a second),
 * so work split into many tasks there would take that long.
 */
export const cheapTasks = !!immediate;

/** resolves in a later task: see afterTheApp */
export const later = (): Promise<void> => new Promise((resolve) => afterTheApp(resolve));

export const whenIdle = (): Promise<void> =>
  new Promise((resolve) => {
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => unknown }).requestIdleCallback;
    if (idle) idle(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve);
  });
