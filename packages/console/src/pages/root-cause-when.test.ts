import { describe, expect, it } from "vitest";
import { rootCauseWhen } from "./root-cause-when.ts";

describe("rootCauseWhen", () => {
  it("names the day, or the hour or hours of it a change was read at", () => {
    expect(rootCauseWhen({ dayLabel: "2026-03-02" })).toBe("on 2026-03-02");
    expect(rootCauseWhen({ dayLabel: "2026-03-02", hour: 20 })).toBe("20:00–21:00 UTC on 2026-03-02");
    expect(rootCauseWhen({ dayLabel: "2026-03-02", hour: 9 })).toBe("09:00–10:00 UTC on 2026-03-02");
    expect(rootCauseWhen({ dayLabel: "2026-03-02", hour: 15, hours: 3 })).toBe("15:00–18:00 UTC on 2026-03-02");
  });
});
