import { describe, expect, it } from "vitest";
import { emptyQuery, facetValues, narrowIds, narrows, visibleIds } from "./call-query.ts";
import { makeCall } from "../../test-support/make-call.ts";

describe("call query", () => {
  const calls = ["light", "lighthouse", "house", "Lighthouse keeper"].map((text, i) =>
    makeCall({ startedAt: i, prompt: { messages: [], text }, completion: { text: "" } }),
  );
  const map = new Map(calls.map((c) => [c.id, c]));
  const ids = calls.map((c) => c.id);

  it("narrows only when the search text grows and nothing else changes", () => {
    const q = { ...emptyQuery, text: "light" };
    expect(narrows(q, { ...q, text: "lighth" })).toBe(true);
    expect(narrows(q, { ...q, text: "ligh" })).toBe(false);
    expect(narrows(q, { ...q, text: "lighth", errorsOnly: true })).toBe(false);
    expect(narrows(q, { ...q, text: "house" })).toBe(false);
  });

  it("narrowing the previous matches gives what a full search gives", () => {
    const q1 = { ...emptyQuery, text: "light" };
    const q2 = { ...emptyQuery, text: "lighthouse" };
    const first = visibleIds(ids, map, q1);
    expect(first).toHaveLength(3);
    expect(narrowIds(first, map, q2)).toEqual(visibleIds(ids, map, q2));
    expect(visibleIds(ids, map, q2)).toEqual([calls[3]!.id, calls[1]!.id]);
  });

  it("lists a model once, whether or not the provider named its snapshot, and the filter finds both", () => {
    const asked = makeCall({ model: "gpt-4o-mini", responseModel: "gpt-4o-mini-2024-07-18" });
    const failed = makeCall({ model: "gpt-4o-mini", responseModel: undefined });
    const other = makeCall({ model: "claude-haiku-4-5", responseModel: "claude-haiku-4-5" });
    const all = new Map([asked, failed, other].map((c) => [c.id, c]));
    expect(facetValues(all).models).toEqual(["claude-haiku-4-5", "gpt-4o-mini"]);
    expect(visibleIds([asked.id, failed.id, other.id], all, { ...emptyQuery, model: "gpt-4o-mini" }).sort()).toEqual([asked.id, failed.id].sort());
  });
});
