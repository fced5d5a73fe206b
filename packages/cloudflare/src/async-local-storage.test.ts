import { AsyncLocalStorage } from "node:async_hooks";
import { describe, expect, it } from "vitest";
import { MISSING_ALS_MESSAGE, resolveAsyncLocalStorage, type AsyncLocalStorageClass } from "./async-local-storage.ts";

describe("resolveAsyncLocalStorage", () => {
  it("prefers the class passed in", () => {
    class Custom {
      getStore() {
        return undefined;
      }
      run<R>(_store: unknown, fn: () => R) {
        return fn();
      }
    }
    expect(resolveAsyncLocalStorage(Custom as unknown as AsyncLocalStorageClass, {})).toBe(Custom);
  });

  it("finds the runtime's own through process.getBuiltinModule", () => {
    expect(resolveAsyncLocalStorage(undefined, globalThis)).toBe(AsyncLocalStorage);
  });

  it("throws an error naming the compatibility flags when there is none", () => {
    expect(() => resolveAsyncLocalStorage(undefined, {})).toThrow(MISSING_ALS_MESSAGE);
    expect(MISSING_ALS_MESSAGE).toContain("nodejs_compat");
    expect(MISSING_ALS_MESSAGE).toContain("nodejs_als");
    const throwing = { process: { getBuiltinModule: () => { throw new Error("unknown module"); } } };
    expect(() => resolveAsyncLocalStorage(undefined, throwing)).toThrow(/nodejs_compat/);
  });
});
