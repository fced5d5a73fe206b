import { describe, expect, it } from "vitest";
import { collectorQueryOf, instantOf } from "./call-filters.ts";

describe("calls page filters", () => {
  it("turns 'user u42 around 14:02' into a ten-minute window", () => {
    const at = new Date("2026-03-04T14:02").getTime();
    const query = collectorQueryOf(new URLSearchParams({ userId: " u42 ", around: "2026-03-04T14:02" }));
    expect(query).toEqual({ userId: "u42", from: at - 300_000, to: at + 300_000 });
  });

  it("prefers explicit from/to over around, and drops empty and unknown fields", () => {
    const query = collectorQueryOf(new URLSearchParams({ around: "1000000", from: "5", model: "", bogus: "x", q: "refund" }));
    expect(query).toEqual({ from: 5, to: 1_300_000, q: "refund" });
  });

  it("ignores times that do not parse", () => {
    expect(instantOf("not a time")).toBeUndefined();
    expect(collectorQueryOf(new URLSearchParams({ from: "soon" }))).toEqual({});
  });
});
