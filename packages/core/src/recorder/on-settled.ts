// Runs fn and calls done once it is over: when it returns, or, when it returns
// a promise, when that settles. The caller gets fn's own value, the very
// promise, or the very error it threw. What withTags scopes, traces and steps
// share.

/** done(failed, error): failed says fn threw or its promise rejected */
export function onSettled<T>(fn: () => T, done: (failed: boolean, error?: unknown) => void): T {
  let result: T;
  try {
    result = fn();
  } catch (err) {
    done(true, err);
    throw err;
  }
  // Only real promises are watched: any other thenable (a query builder, say)
  // may start its work on every then(), so calling it would repeat the work.
  // The app's own await calls the same then(): an SDK promise that starts
  // parsing on then() does the same work it would have done.
  if (!(result instanceof Promise)) done(false);
  else {
    try {
      result.then(
        () => done(false),
        (err: unknown) => done(true, err),
      );
    } catch {
      done(false);
    }
  }
  return result;
}
