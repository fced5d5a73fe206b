import { describe, expect, it } from "vitest";
import type { OpenTrace } from "../trace/open-trace.ts";
import { applyScope, createTagScope, type Scope } from "./tag-scope.ts";

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

describe("one scope for tags, trace and step", () => {
  const t1 = { id: "t1" } as unknown as OpenTrace;
  const t2 = { id: "t2" } as unknown as OpenTrace;

  it("tags merge; a new trace starts at its root; a step nests in the current trace", () => {
    const inTrace = applyScope({ tags: { a: "1" } }, { trace: t1, tags: { b: "2" } });
    expect(inTrace).toEqual({ tags: { a: "1", b: "2" }, trace: t1, step: undefined });
    const inStep = applyScope(inTrace, { step: "s1" });
    expect(applyScope(inStep, { tags: { c: "3" } })).toEqual({ tags: { a: "1", b: "2", c: "3" }, trace: t1, step: "s1" });
    expect(applyScope(inStep, { trace: t2 })).toEqual({ tags: { a: "1", b: "2" }, trace: t2, step: undefined });
  });

  it.each(["AsyncLocalStorage", "pending scopes"])("%s: a step inside a trace, withTags inside the step, and nothing after", async (name) => {
    const Storage = name == "AsyncLocalStorage" ? (await import("node:async_hooks")).AsyncLocalStorage : undefined;
    const scope = createTagScope(Storage, () => undefined);
    const inStep = async (): Promise<Scope | undefined> => {
      await new Promise((r) => setTimeout(r, 1));
      return scope.run({ feature: "f" }, () => scope.state());
    };
    const seen = await scope.enter({ trace: t1, tags: { userId: "u" } }, () => scope.enter({ step: "s1" }, inStep));
    expect(seen).toEqual({ tags: { userId: "u", feature: "f" }, trace: t1, step: "s1" });
    expect(scope.state()).toBeUndefined();
  });
});
