// The one scope calls look up when they start: tags (withTags, a trace's
// tags), the trace they belong to and the step they run under. Where the
// runtime has AsyncLocalStorage (Node, Workers with nodejs_compat, Deno, Bun)
// it follows fn through every await. Elsewhere (browsers) a scope lasts while
// fn runs or its promise is pending (see pending-scopes.ts).
import type { OpenTrace } from "../trace/open-trace.ts";
import type { Tags, TagStorage } from "../types.ts";
import { createPendingScopes } from "./pending-scopes.ts";

export interface Scope {
  tags?: Tags | undefined;
  trace?: OpenTrace | undefined;
  /** the innermost step of `trace` open in this scope */
  step?: string | undefined;
}

export interface TagScope {
  /** run fn with `change` applied to the current scope (see applyScope) */
  enter<T>(change: Scope, fn: () => T): T;
  run<T>(tags: Tags, fn: () => T): T;
  state(): Scope | undefined;
  current(): Tags | undefined;
}

/** tags merge over the current ones; a new trace starts at its root; a step nests in the current trace */
export const applyScope = (current: Scope | undefined, change: Scope): Scope => ({
  tags: change.tags ? { ...current?.tags, ...change.tags } : current?.tags,
  trace: change.trace ?? current?.trace,
  step: change.trace ? change.step : (change.step ?? current?.step),
});

type TagStorageClass = new () => TagStorage;

function findAsyncLocalStorage(): TagStorageClass | undefined {
  const g = globalThis as { AsyncLocalStorage?: TagStorageClass; process?: { getBuiltinModule?: (id: string) => { AsyncLocalStorage?: TagStorageClass } } };
  try {
    // no static node: import, so the core stays loadable in browsers and Workers
    return g.AsyncLocalStorage ?? g.process?.getBuiltinModule?.("node:async_hooks").AsyncLocalStorage;
  } catch {
    return undefined;
  }
}

export function createTagScope(given?: TagStorage | TagStorageClass, find = findAsyncLocalStorage): TagScope {
  const Storage = given ?? find();
  const found = typeof Storage === "function" ? new Storage() : Storage;
  if (!found) return createPendingScopes();
  // the storage holds whole scopes; TagStorage names only what its user sees of it
  const storage = found as unknown as { run<R>(store: Scope, fn: () => R): R; getStore(): Scope | undefined };
  const enter = <T>(change: Scope, fn: () => T): T => storage.run(applyScope(storage.getStore(), change), fn);
  return {
    enter,
    run: (tags, fn) => enter({ tags }, fn),
    state: () => storage.getStore(),
    current: () => storage.getStore()?.tags,
  };
}
