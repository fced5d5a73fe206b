import { describe, expect, it } from "vitest";
import { barChart, wrapWords } from "./svg-charts.ts";

describe("wrapWords", () => {
  it("breaks between words and splits only a word longer than a line", () => {
    expect(wrapWords("Cheaper model at equal measured quality", 28)).toEqual(["Cheaper model at equal", "measured quality"]);
    expect(wrapWords("Context bloat", 28)).toEqual(["Context bloat"]);
    expect(wrapWords("gpt-4o-mini-2024-07-18-finetuned-support", 16)).toEqual(["gpt-4o-mini-2024", "-07-18-finetuned", "-support"]);
  });
});

describe("barChart", () => {
  it("keeps every label whole and starts the bars after the longest line", () => {
    const svg = barChart([
      { label: "Repeated identical prompts", value: 2, text: "$2.00" },
      { label: "Cheaper model at equal measured quality", value: 1, text: "$1.00" },
    ]);
    expect(svg).not.toContain("…");
    expect(svg).toContain(">Repeated identical prompts</tspan>");
    expect(svg).toContain(">Cheaper model at equal</tspan>");
    const barX = Number(/<rect x="([\d.]+)"/.exec(svg)![1]);
    // "Repeated identical prompts" is 26 characters of at most 7 px each
    expect(barX).toBeGreaterThanOrEqual(26 * 7 + 10);
  });
});
