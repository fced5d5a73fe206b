// Scoped tags for withTags. Where the runtime has AsyncLocalStorage (Node,
// Workers with nodejs_compat, Deno, Bun) the tags follow fn through every
// await. Elsewhere (browsers) a scope lasts while fn runs or its promise is
// pending (see pending-scopes.ts).
import type { Tags, TagStorage } from "../types.ts";
import { createPendingScopes } from "./pending-scopes.ts";

export interface TagScope {
  run<T>(tags: Tags, fn: () => T): T;
  current(): Tags | undefined;
}

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
  const storage = typeof Storage === "function" ? new Storage() : Storage;
  return storage
    ? {
        run: (tags, fn) => storage.run({ ...storage.getStore(), ...tags }, fn),
        current: () => storage.getStore(),
      }
    : createPendingScopes();
}
