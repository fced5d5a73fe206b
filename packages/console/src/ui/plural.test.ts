import { describe, expect, it } from "vitest";
import { plural } from "./plural.ts";

describe("plural", () => {
  it("says 1 call, not 1 calls", () => {
    expect(plural(1, "call")).toBe("1 call");
    expect(plural(0, "call")).toBe("0 calls");
    expect(plural(2500, "step")).toBe("2,500 steps");
    expect(plural(2, "entry", "entries")).toBe("2 entries");
  });
});
