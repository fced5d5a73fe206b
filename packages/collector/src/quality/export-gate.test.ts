import { describe, expect, it } from "vitest";
import type { LLMCall } from "@llmscope/core";
import type { CallForwarder } from "../otlp/call-forwarder.ts";
import { makeCall } from "../testing/make-call.ts";
import { createExportGate } from "./export-gate.ts";

function sink(): CallForwarder & { ids: string[] } {
  const ids: string[] = [];
  return { ids, forward: (c: LLMCall[]) => void ids.push(...c.map((x) => x.id)), flush: async () => {}, shutdown: async () => {}, stats: () => ({ forwarded: 0, dropped: 0, failed: 0 }) };
}

describe("export gate", () => {
  it("sends a call when both announced and scored, in either order, once", () => {
    const next = sink();
    const gate = createExportGate(next);
    const counts = { exportedUnscored: 0 };
    const a = makeCall({ id: "a" });
    const b = makeCall({ id: "b" });
    gate.announced([a], counts);
    expect(next.ids).toEqual([]);
    gate.scored([{ ...a, quality: { average: 1 } }]);
    gate.scored([{ ...b, quality: { average: 2 } }]);
    expect(next.ids).toEqual(["a"]);
    gate.announced([b], counts);
    expect(next.ids).toEqual(["a", "b"]);
    gate.scored([a]);
    expect(next.ids).toEqual(["a", "b"]);
  });

  it("sends unscored past its limit, and counts it", () => {
    const next = sink();
    const gate = createExportGate(next, 1);
    const counts = { exportedUnscored: 0 };
    gate.announced([makeCall({ id: "x" }), makeCall({ id: "y" })], counts);
    expect(next.ids).toEqual(["y"]);
    expect(counts.exportedUnscored).toBe(1);
  });
});
