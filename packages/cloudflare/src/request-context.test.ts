import { describe, expect, it } from "vitest";
import { requestTags, traceparentOf } from "./request-context.ts";

const valid = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

describe("traceparentOf", () => {
  it("keeps a well-formed traceparent", () => {
    expect(traceparentOf(new Headers({ traceparent: valid }))).toBe(valid);
    expect(traceparentOf(new Headers({ traceparent: ` ${valid.toUpperCase()} ` }))).toBe(valid);
  });

  it("ignores a missing or malformed one", () => {
    expect(traceparentOf(new Headers())).toBeUndefined();
    expect(traceparentOf(new Headers({ traceparent: "not-a-trace" }))).toBeUndefined();
    expect(traceparentOf(new Headers({ traceparent: `00-${"0".repeat(32)}-00f067aa0ba902b7-01` }))).toBeUndefined();
  });
});

describe("requestTags", () => {
  it("records the ray id", () => {
    expect(requestTags(new Headers({ "cf-ray": "8f1e2d3c4b5a6978-FRA" }))).toEqual({ cfRay: "8f1e2d3c4b5a6978-FRA" });
    expect(requestTags(new Headers())).toEqual({});
  });
});
