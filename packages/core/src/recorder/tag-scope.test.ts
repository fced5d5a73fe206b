import { describe, expect, it } from "vitest";
import { createTagScope } from "./tag-scope.ts";

describe("createTagScope", () => {
  it("without AsyncLocalStorage, keeps an async fn's scope until it settles", async () => {
    const scope = createTagScope(undefined, () => undefined);
    const seen: unknown[] = [];
    await scope.run({ a: "1" }, async () => {
      seen.push(scope.current());
      scope.run({ b: "2" }, () => seen.push(scope.current()));
      await Promise.resolve();
      seen.push(scope.current());
    });
    seen.push(scope.current());
    expect(seen).toEqual([{ a: "1" }, { a: "1", b: "2" }, { a: "1" }, undefined]);
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

  it("with AsyncLocalStorage, overlapping scopes stay apart", async () => {
    const { AsyncLocalStorage } = await import("node:async_hooks");
    const scope = createTagScope(AsyncLocalStorage);
    const tick = () => new Promise((r) => setTimeout(r, 1));
    const seenBy = (userId: string) =>
      scope.run({ userId }, async () => {
        await tick();
        await tick();
        return scope.current();
      });
    expect(await Promise.all([seenBy("alice"), seenBy("bob")])).toEqual([{ userId: "alice" }, { userId: "bob" }]);
  });
});
