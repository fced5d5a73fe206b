import { describe, expect, it } from "vitest";
import { parseDuration, parseInstant } from "./parse-time.ts";

describe("time parsing", () => {
  it("reads durations with units and rejects junk", () => {
    expect(parseDuration("30d")).toBe(30 * 86_400_000);
    expect(parseDuration("1.5h")).toBe(5_400_000);
    expect(parseDuration("250")).toBe(250);
    expect(parseDuration("soon")).toBeUndefined();
  });
  it("reads epoch ms and ISO instants", () => {
    expect(parseInstant("1700000000000")).toBe(1_700_000_000_000);
    expect(parseInstant("2026-03-04T14:02:00Z")).toBe(Date.UTC(2026, 2, 4, 14, 2));
    expect(parseInstant("yesterday-ish")).toBeUndefined();
  });
});
