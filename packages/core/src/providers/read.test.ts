import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clean } from "./read.ts";

/** what clean did before: the undefined fields deleted in place */
const deleted = <T extends object>(o: T): T => {
  for (const k in o) if (o[k] === undefined) delete o[k];
  return o;
};

describe("clean", () => {
  it("keeps the defined fields in their order, null, 0, false and empty text included, as deleting the rest did", () => {
    const value = fc.constantFrom(undefined, null, 0, false, "", "x", 1.5, [], {});
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), value, { maxKeys: 8 }), (record) => {
        expect(Object.entries(clean({ ...record }))).toEqual(Object.entries(deleted({ ...record })));
      }),
      { numRuns: 300 },
    );
  });

  it("copies rather than deletes, leaving the object it was given whole (a delete turns an object into a slow dictionary)", () => {
    const given = { model: "m", usage: undefined, text: "hi" };
    const kept = clean(given);
    expect(kept).toEqual({ model: "m", text: "hi" });
    expect(Object.keys(given)).toEqual(["model", "usage", "text"]);
  });
});
