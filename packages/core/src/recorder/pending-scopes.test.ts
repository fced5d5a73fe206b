import { describe, expect, it } from "vitest";
import { createPendingScopes } from "./pending-scopes.ts";

const tick = () => new Promise((r) => setTimeout(r, 1));

describe("withTags scopes without AsyncLocalStorage", () => {
  it("a sync fn: tags while it runs, none after, its value returned", () => {
    const scope = createPendingScopes();
    const value = scope.run({ a: "1" }, () => scope.current());
    expect(value).toEqual({ a: "1" });
    expect(scope.current()).toBeUndefined();
  });

  it("an async fn: tags reach a call started after several awaits, and end when it settles", async () => {
    const scope = createPendingScopes();
    const seen: unknown[] = [];
    // like an SDK method: it awaits its own preparation before calling fetch
    const sdkCall = async () => {
      await Promise.resolve();
      await tick();
      await Promise.resolve();
      seen.push(scope.current());
      return "done";
    };
    const pending = scope.run({ userId: "u-bob" }, sdkCall);
    expect(scope.current()).toEqual({ userId: "u-bob" });
    expect(await pending).toBe("done");
    seen.push(scope.current());
    expect(seen).toEqual([{ userId: "u-bob" }, undefined]);
  });

  it("returns the very promise fn returned", () => {
    const scope = createPendingScopes();
    const promise = Promise.resolve(1);
    expect(scope.run({ a: "1" }, () => promise)).toBe(promise);
  });

  it("nested scopes merge over the enclosing one, sync and after an await", async () => {
    const scope = createPendingScopes();
    const seen: unknown[] = [];
    await scope.run({ a: "1", b: "x" }, async () => {
      scope.run({ b: "2" }, () => seen.push(scope.current()));
      await tick();
      await scope.run({ c: "3" }, async () => {
        await tick();
        seen.push(scope.current());
      });
      seen.push(scope.current());
    });
    seen.push(scope.current());
    expect(seen).toEqual([{ a: "1", b: "2" }, { a: "1", b: "x", c: "3" }, { a: "1", b: "x" }, undefined]);
  });

  it("overlapping scopes: the later entered wins while both are pending, and each leaves nothing behind when it settles", async () => {
    const scope = createPendingScopes();
    let releaseAlice!: () => void;
    let releaseBob!: () => void;
    const alice = scope.run({ userId: "alice", feature: "chat" }, () => new Promise<void>((r) => (releaseAlice = r)));
    expect(scope.current()).toEqual({ userId: "alice", feature: "chat" });
    const bob = scope.run({ userId: "bob" }, () => new Promise<void>((r) => (releaseBob = r)));
    expect(scope.current()).toEqual({ userId: "bob", feature: "chat" });
    // the earlier scope settles first: removed from beneath the later one
    releaseAlice();
    await alice;
    expect(scope.current()).toEqual({ userId: "bob" });
    releaseBob();
    await bob;
    expect(scope.current()).toBeUndefined();
  });

  it("identical overlapping scopes are removed one each", async () => {
    const scope = createPendingScopes();
    const tags = { userId: "same" };
    let releaseFirst!: () => void;
    const first = scope.run(tags, () => new Promise<void>((r) => (releaseFirst = r)));
    const second = scope.run(tags, () => tick());
    await second;
    expect(scope.current()).toEqual({ userId: "same" });
    releaseFirst();
    await first;
    expect(scope.current()).toBeUndefined();
  });

  it("a rejecting fn: the same error reaches the caller and the scope is gone", async () => {
    const scope = createPendingScopes();
    const error = new Error("rate limited");
    const pending = scope.run({ a: "1" }, async () => {
      await tick();
      throw error;
    });
    await expect(pending).rejects.toBe(error);
    expect(scope.current()).toBeUndefined();
  });

  it("a throwing sync fn: the same error is thrown and the scope is gone", () => {
    const scope = createPendingScopes();
    const error = new Error("boom");
    expect(() =>
      scope.run({ a: "1" }, () => {
        throw error;
      }),
    ).toThrow(error);
    expect(scope.current()).toBeUndefined();
  });

  it("never calls then() on a thenable that is not a promise (it might start its work again)", () => {
    const scope = createPendingScopes();
    let thenCalls = 0;
    const lazy = { then: () => void thenCalls++ };
    expect(scope.run({ a: "1" }, () => lazy)).toBe(lazy);
    expect(thenCalls).toBe(0);
    expect(scope.current()).toBeUndefined();
  });
});
