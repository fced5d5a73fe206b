import { describe, expect, it } from "vitest";
import { createIdleSchedule } from "./idle-schedule.ts";

describe("idle schedule", () => {
  it("runs at once before any slice; after one, waits for quiet or for the share to allow it", () => {
    let t = 1000;
    const s = createIdleSchedule(20, 0.05, () => t);
    s.touch();
    expect(s.waitMs()).toBe(0); // nothing has run yet: the share allows a slice
    s.ran(2); // next busy slice at 1038
    s.touch();
    expect(s.waitMs()).toBe(20);
    t += 15;
    expect(s.waitMs()).toBe(5);
  });

  it("under constant activity lets a slice run only after 19× its own length (5% share)", () => {
    let t = 0;
    const s = createIdleSchedule(20, 0.05, () => t);
    s.ran(10);
    s.touch();
    expect(s.waitMs()).toBe(20);
    for (t = 10; t < 190; t += 10) {
      s.touch(); // ingest never pauses for 20 ms
      expect(s.waitMs()).toBeGreaterThan(0);
    }
    t = 190;
    s.touch();
    expect(s.waitMs()).toBe(0);
  });

  it("after a slice, waits for a fresh quiet period even if nothing touched it meanwhile", () => {
    let t = 0;
    const s = createIdleSchedule(20, 0.01, () => t);
    t = 100;
    s.ran(30); // the event loop was held; requests waiting in sockets have not touched yet
    expect(s.waitMs()).toBe(20);
  });

  it("runs at once when ingest has been quiet long enough", () => {
    let t = 0;
    const s = createIdleSchedule(20, 0.05, () => t);
    s.ran(50);
    s.touch();
    t = 25;
    expect(s.waitMs()).toBe(0);
  });
});
