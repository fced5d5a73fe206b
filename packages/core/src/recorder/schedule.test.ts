import { describe, expect, it, vi } from "vitest";
import { later } from "./schedule.ts";

describe("later", () => {
  it("resolves after the continuations queued beside it, as the app's are", async () => {
    const order: string[] = [];
    const deferred = later().then(() => order.push("later"));
    // an app's await chain after its fetch resolved: many microtasks, all before
    let chain = Promise.resolve();
    for (let i = 0; i < 50; i++) chain = chain.then(() => void order.push(`app ${i}`));
    await Promise.all([deferred, chain]);
    expect(order.indexOf("later")).toBe(50);
  });

  it("sets no timer where setImmediate exists: a timer of 0 waits a millisecond in Node and wakes the loop once more per call", async () => {
    const timers = vi.spyOn(globalThis, "setTimeout");
    try {
      await later();
      expect(timers).not.toHaveBeenCalled();
    } finally {
      timers.mockRestore();
    }
  });
});
