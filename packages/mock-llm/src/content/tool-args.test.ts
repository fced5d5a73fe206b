import { describe, expect, it } from "vitest";
import { argumentsFor } from "./tool-args.ts";

describe("argumentsFor", () => {
  const schema = { type: "object", properties: { city: { type: "string" }, days: { type: "integer" } }, required: ["city", "days"] };

  it("takes the place the question names", () => {
    expect(argumentsFor(schema, "system text\nWhat is the weather in Oslo?", "What is the weather in Oslo?")).toMatchObject({ city: "Oslo" });
  });

  it("picks a place by hash, the same each time, when the question names none", () => {
    const args = argumentsFor(schema, "Will it rain?");
    expect(args).toEqual(argumentsFor(schema, "Will it rain?"));
    expect(typeof args.city).toBe("string");
    expect(Number.isInteger(args.days)).toBe(true);
  });
});
