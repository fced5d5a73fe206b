// Attribution rests on AsyncLocalStorage. Without it, concurrent requests in one
// isolate would share tags and mix their records up, so its absence is a
// start-up error rather than a silent fallback.

/** The part of node:async_hooks' AsyncLocalStorage this package uses. */
export interface AsyncLocalStorageLike<T> {
  getStore(): T | undefined;
  run<R>(store: T, fn: () => R): R;
}

export type AsyncLocalStorageClass = new <T>() => AsyncLocalStorageLike<T>;

export const MISSING_ALS_MESSAGE =
  "@llmscope/cloudflare needs AsyncLocalStorage to attribute LLM calls to the request that made them. " +
  'Add "nodejs_compat" to compatibility_flags in wrangler.jsonc/wrangler.toml ' +
  '(or use "nodejs_als" and pass `asyncLocalStorage: AsyncLocalStorage` imported from "node:async_hooks" in the options).';

interface ProcessWithBuiltins {
  getBuiltinModule?(id: string): { AsyncLocalStorage?: AsyncLocalStorageClass } | undefined;
}

/**
 * The AsyncLocalStorage class to use: the one passed in, else the runtime's own
 * (process.getBuiltinModule, present under nodejs_compat). Read synchronously so
 * a Worker without the flag fails when it starts, not on its first request.
 */
export function resolveAsyncLocalStorage(
  explicit?: AsyncLocalStorageClass,
  runtime: object = globalThis,
): AsyncLocalStorageClass {
  if (explicit) return explicit;
  const proc = (runtime as { process?: ProcessWithBuiltins }).process;
  let found: AsyncLocalStorageClass | undefined;
  try {
    found = proc?.getBuiltinModule?.("node:async_hooks")?.AsyncLocalStorage;
  } catch {
    // a runtime that knows getBuiltinModule but not the module: same as missing
  }
  if (typeof found !== "function") throw new Error(MISSING_ALS_MESSAGE);
  return found;
}
