import { describe, expect, it } from "vitest";
import { spanId, traceId } from "./ids.ts";

describe("trace and span ids", () => {
  it("are lowercase hex of W3C length, never all zeros, and do not repeat across refills of the random block", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const t = traceId();
      const s = spanId();
      expect(t).toMatch(/^[0-9a-f]{32}$/);
      expect(s).toMatch(/^[0-9a-f]{16}$/);
      expect(/^0+$/.test(t) || /^0+$/.test(s)).toBe(false);
      seen.add(t).add(s);
    }
    expect(seen.size).toBe(2000);
  });
});
