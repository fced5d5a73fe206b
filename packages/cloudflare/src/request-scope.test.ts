import type { LLMCall } from "@llmscope/core";
import { describe, expect, it } from "vitest";
import { RequestScope } from "./request-scope.ts";

function isSettled(promise: Promise<void>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  // every continuation involved is a microtask, so one macrotask turn is enough to see them all
  return new Promise((resolve) => setImmediate(() => resolve(done)));
}

describe("RequestScope", () => {
  it("settles at once with nothing started", async () => {
    await new RequestScope().settled();
  });

  it("waits for every started call to end", async () => {
    const scope = new RequestScope();
    scope.started("a");
    scope.started("b");
    const settled = scope.settled();
    scope.ended("a");
    expect(await isSettled(settled)).toBe(false);
    scope.ended("b");
    expect(await isSettled(settled)).toBe(true);
    expect(scope.callCount).toBe(2);
  });

  it("waits for background work and the calls it starts", async () => {
    const scope = new RequestScope();
    let finish!: () => void;
    scope.waitFor(new Promise<void>((resolve) => (finish = resolve)));
    const settled = scope.settled();
    expect(await isSettled(settled)).toBe(false);
    scope.started("late");
    finish();
    expect(await isSettled(settled)).toBe(false);
    scope.ended("late");
    expect(await isSettled(settled)).toBe(true);
  });

  it("is not held up by failed background work", async () => {
    const scope = new RequestScope();
    scope.waitFor(Promise.reject(new Error("background failed")));
    await scope.settled();
  });

  it("gives a call the request's trace context unless it carries its own", () => {
    const traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    const scope = new RequestScope(traceparent);
    const call = { id: "c", tags: { feature: "search" } } as unknown as LLMCall;
    expect(scope.attribute(call)).toEqual({ id: "c", tags: { feature: "search" }, traceparent });
    const traced = { id: "d", tags: {}, traceparent: "00-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-bbbbbbbbbbbbbbbb-01" } as unknown as LLMCall;
    expect(scope.attribute(traced)).toBe(traced);
    expect(new RequestScope().attribute(call)).toBe(call);
  });
});
