// When deferred work runs. Work the app does not need before it gets its
// Response (parsing what the request asked, the start event, reading a JSON
// body's copy) runs in a later task; estimating tokens, the one heavy step,
// waits until the app is idle, so no response, stream or frame waits on it.
const jobs: (() => void)[] = [];

/** resolves in a later task (not a microtask: those run before the app's own continuations); one timer serves every job queued meanwhile */
export const later = (): Promise<void> =>
  new Promise((resolve) => {
    if (jobs.push(resolve) === 1) setTimeout(() => jobs.splice(0).forEach((job) => job()));
  });

export const whenIdle = (): Promise<void> =>
  new Promise((resolve) => {
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void, opts?: { timeout: number }) => unknown }).requestIdleCallback;
    if (idle) idle(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve);
  });
