import { describe, expect, it } from "vitest";
import { MAX_TAG_VALUE_LENGTH, normalizeTags } from "./options.ts";

describe("normalizeTags", () => {
  it("keeps set values as strings and leaves out empty ones", () => {
    expect(normalizeTags({ userId: "u1", plan: undefined, org: null, blank: "", n: 3, beta: true })).toEqual({
      userId: "u1",
      n: "3",
      beta: "true",
    });
  });

  it("cuts long values", () => {
    const tags = normalizeTags({ userId: "x".repeat(MAX_TAG_VALUE_LENGTH + 50) });
    expect(tags.userId).toHaveLength(MAX_TAG_VALUE_LENGTH);
  });

  it("gives no tags for no values", () => {
    expect(normalizeTags(undefined)).toEqual({});
  });
});
