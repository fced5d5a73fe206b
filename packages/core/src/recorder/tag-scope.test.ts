import { describe, expect, it } from "vitest";
import { createTagScope } from "./tag-scope.ts";

describe("createTagScope without AsyncLocalStorage", () => {
  it("scopes tags to the synchronous part of fn, nested scopes merging", async () => {
    const scope = createTagScope(undefined, () => undefined);
    const seen: unknown[] = [];
    await scope.run({ a: "1" }, async () => {
      seen.push(scope.current());
      scope.run({ b: "2" }, () => seen.push(scope.current()));
      await Promise.resolve();
      seen.push(scope.current());
    });
    expect(seen).toEqual([{ a: "1" }, { a: "1", b: "2" }, undefined]);
  });

  it("uses a given AsyncLocalStorage class, following fn through awaits", async () => {
    const { AsyncLocalStorage } = await import("node:async_hooks");
    const scope = createTagScope(AsyncLocalStorage);
    const seen = await scope.run({ a: "1" }, async () => {
      await new Promise((r) => setTimeout(r, 1));
      return scope.current();
    });
    expect(seen).toEqual({ a: "1" });
  });
});
