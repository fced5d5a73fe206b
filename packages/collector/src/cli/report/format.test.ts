import { describe, expect, it } from "vitest";
import { usd } from "./format.ts";

describe("usd", () => {
  it("shows amounts below a cent with two significant digits", () => {
    expect(usd(0.0042)).toBe("$0.0042");
    expect(usd(0.00045)).toBe("$0.00045");
    expect(usd(0.0000123)).toBe("$0.000012");
    expect(usd(1.234)).toBe("$1.23");
    expect(usd(0)).toBe("$0");
  });

  it("never prints an amount that is not zero as zero", () => {
    for (let exp = -12; exp <= -2; exp += 0.25) {
      const text = usd(10 ** exp);
      expect(text).toMatch(/^\$0\.0*[1-9]/);
    }
  });
});
