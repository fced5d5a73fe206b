// The agent scenario in Chromium: one click gives one trace (a Qdrant
// retrieval, a slow preprocessing step, a tool loop over two model calls),
// kept in the page's IndexedDB and delivered by beacon to a real collector.
import { afterAll, beforeAll, expect, it } from "vitest";
import type { LLMCall, Trace } from "@llmscope/core";
import { openPlaygroundWithCollector, type CollectorSession } from "./playground-collector-session.ts";
import type { PlaygroundSession } from "./playground-page.ts";

const PREPROCESS_MS = 300;
const TOOL_MS = 120;

let c: CollectorSession;
let s: PlaygroundSession;

beforeAll(async () => {
  // quality: {} scores each stored call with the heuristics, relevance among them
  c = await openPlaygroundWithCollector("agent", { quality: {} });
  s = c.s;
});

afterAll(() => c?.close());

/** the trace as the page's IndexedDB holds it */
function storedTrace(id: string): Promise<Trace | undefined> {
  return s.page.evaluate(
    (traceId) =>
      new Promise<Trace | undefined>((resolve, reject) => {
        const open = indexedDB.open("llmscope");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction("traces").objectStore("traces").get(traceId);
          read.onsuccess = () => (open.result.close(), resolve(read.result as Trace | undefined));
          read.onerror = () => reject(read.error);
        };
      }),
    id,
  );
}

it("one agent request is one trace: in IndexedDB and at the collector, with its retrieval, preprocessing, tool and two calls", async () => {
  await s.page.selectOption("select[aria-label=userId]", "u-chen");
  await s.page.click("[data-action=agent]");
  await s.page.locator(".agent [data-summary]").waitFor({ timeout: 20_000 });
  const traceId = (await s.page.locator(".agent").getAttribute("data-trace-id"))!;
  expect(traceId).toMatch(/^[0-9a-f]{32}$/);
  expect(await s.page.locator(".agent .answer").innerText()).toContain("The tool returned");

  await expect.poll(() => storedTrace(traceId), { timeout: 10_000 }).toBeDefined();
  const trace = (await storedTrace(traceId))!;
  expect(trace).toMatchObject({ name: "agent: weather and packing", tags: { app: "playground", userId: "u-chen", feature: "agent" } });
  expect(trace.callIds).toHaveLength(2);
  const byKind = Object.fromEntries(trace.steps.map((step) => [step.kind, step]));
  expect(trace.steps.map((step) => step.kind).sort()).toEqual(["preprocess", "retrieval", "tool"]);
  expect(byKind.retrieval).toMatchObject({ attributes: { "db.system": "qdrant", "url.path": "/mock-llm/collections/travel-docs/points/query", "http.response.status_code": 200 } });
  expect(byKind.preprocess).toMatchObject({ name: "build prompt" });
  expect(byKind.preprocess!.durationMs).toBeGreaterThanOrEqual(PREPROCESS_MS - 1);
  expect(byKind.tool).toMatchObject({ name: "get_weather", attributes: { "gen_ai.tool.name": "get_weather" } });
  expect(byKind.tool!.durationMs).toBeGreaterThanOrEqual(TOOL_MS - 1);
  const summary = trace.summary!;
  expect(summary).toMatchObject({ calls: 2, errors: 0 });
  expect(summary.preprocessMs).toBeGreaterThanOrEqual(PREPROCESS_MS - 1);
  expect(summary.toolMs).toBeGreaterThanOrEqual(TOOL_MS - 1);
  expect(summary.retrievalMs).toBeGreaterThan(0);
  expect(summary.llmMs).toBeGreaterThan(0);
  expect(summary.inputTokens).toBeGreaterThan(0);

  // the same trace, with both calls, at the collector the page beacons to
  await c.flushPage();
  const detail = async () => {
    const res = await c.get(`/v1/traces/${traceId}`);
    return res.status === 200 ? ((await res.json()) as { trace?: { name: string; summary?: unknown }; stepRecords: { kind: string }[]; calls: LLMCall[] }) : undefined;
  };
  await expect.poll(async () => (await detail())?.calls.length, { timeout: 15_000 }).toBe(2);
  const stored = (await detail())!;
  expect(stored.trace).toMatchObject({ name: trace.name, summary: trace.summary });
  expect(stored.stepRecords.map((step) => step.kind).sort()).toEqual(["preprocess", "retrieval", "tool"]);
  expect(stored.calls.map((call) => call.id).sort()).toEqual([...trace.callIds!].sort());
  expect(stored.calls.every((call) => call.traceId === traceId)).toBe(true);

  // the mock's final answer speaks to the question: the collector's relevance heuristic scores it well above 0
  await c.collector.flush();
  const answered = async () => (await detail())!.calls.find((call) => call.completion?.text);
  await expect.poll(async () => (await answered())?.quality?.relevance, { timeout: 10_000 }).toBeGreaterThanOrEqual(50);
  expect(s.consoleErrors).toEqual([]);
});
