// Traces in a real Chromium (no AsyncLocalStorage): a handle's steps, an http
// step nested under the step that made the fetch, a tool loop against the
// mock LLM, and the finished trace kept in IndexedDB across a reload and
// delivered by the beacon sink in an envelope of its own.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBrowserFixture, type BrowserFixture } from "./browser/harness.ts";
import { startTestCollector, type TestCollector } from "./browser/test-collector.ts";

let browser: BrowserFixture;
let collector: TestCollector;
beforeAll(async () => {
  browser = await startBrowserFixture();
  collector = await startTestCollector();
});
afterAll(async () => {
  await browser?.close();
  await collector?.close();
});

describe("traces in Chromium", () => {
  it("a handle's trace with an http step, a tool loop and an app step lands in IndexedDB and at the collector", async () => {
    const page = await browser.open();
    const traceId = await page.evaluate(async (collectorURL) => {
      const { fx } = window;
      const store = fx.indexedDBSink({ dbName: "e2e-traces" });
      const recorder = fx.createRecorder({ sinks: [store, fx.beaconSink({ url: `${collectorURL}/v1/calls`, flushIntervalMs: 20 })] });
      window.kept.recorder = recorder;
      recorder.install();
      const chat = (messages: unknown[]) =>
        fetch("/mock-llm/v1/chat/completions", {
          method: "POST",
          headers: { "content-type": "application/json", authorization: "Bearer sk-SECRET" },
          body: JSON.stringify({ model: "gpt-4o-mini", messages, tools: [{ type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } }] }),
        }).then((r) => r.json());
      const t = recorder.startTrace("agent", { tags: { userId: "u-browser" } });
      await t.step("load context", () => fetch("/index.html?token=SECRET").then((r) => r.text()), { kind: "preprocess" });
      const messages: unknown[] = [{ role: "user", content: "Weather in Oslo?" }];
      const first = await t.run(() => chat(messages));
      const toolCall = first.choices[0].message.tool_calls[0];
      // the tool runs 30 ms by the clock the recorder times steps with (a timer may fire a coarsened tick early by it)
      const toolFrom = performance.now();
      while (performance.now() - toolFrom < 30) await new Promise((r) => setTimeout(r, 30 - (performance.now() - toolFrom)));
      messages.push(first.choices[0].message, { role: "tool", tool_call_id: toolCall.id, content: "Sunny, 18°C" });
      await t.run(() => chat(messages));
      t.end();
      await recorder.flush();
      return t.id;
    }, collector.origin);

    await browser.reload(page);
    const stored = await page.evaluate(async () => {
      const store = window.fx.indexedDBSink({ dbName: "e2e-traces" });
      const traces = await store.queryTraces();
      const calls = (await store.queryCalls({})).calls;
      return { traces, calls: calls.map((c) => ({ id: c.id, traceId: c.traceId, parentId: c.parentId, tags: c.tags })) };
    });
    expect(stored.traces).toHaveLength(1);
    const [trace] = stored.traces;
    expect(trace!.id).toBe(traceId);
    expect(trace!.tags).toEqual({ userId: "u-browser" });
    const [load, http, tool] = trace!.steps;
    expect(load).toMatchObject({ name: "load context", kind: "preprocess" });
    expect(http).toMatchObject({ kind: "http", parentId: load!.id, attributes: { "http.request.method": "GET", "url.path": "/index.html", "http.response.status_code": 200 } });
    expect(tool).toMatchObject({ kind: "tool", name: "get_weather", attributes: { "gen_ai.tool.call.result": "Sunny, 18°C" } });
    expect(tool!.durationMs).toBeGreaterThanOrEqual(30);
    expect(stored.calls.map((c) => c.traceId)).toEqual([traceId, traceId]);
    expect(stored.calls.every((c) => c.parentId === undefined && c.tags.userId === "u-browser")).toBe(true);
    expect(trace!.callIds!.slice().sort()).toEqual(stored.calls.map((c) => c.id).sort());
    expect(trace!.summary).toMatchObject({ calls: 2, errors: 0 });
    expect(JSON.stringify(stored)).not.toContain("SECRET");

    const envelope = collector.received.find((r) => r.body.traces);
    expect(envelope!.body.calls).toEqual([]);
    expect(envelope!.body.traces).toEqual([trace]);
    await page.close();
  });

  it("recorder.trace follows the pending-scope rule: a call inside joins, one after does not", async () => {
    const page = await browser.open();
    const seen = await page.evaluate(async () => {
      const { fx } = window;
      const store = fx.indexedDBSink({ dbName: "e2e-traces-scope", indexedDB: null });
      const recorder = fx.createRecorder({ sinks: [store] });
      const f = recorder.wrap(fetch);
      const ask = () => f("/mock-llm/v1/chat/completions", { method: "POST", body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }) }).then((r) => r.json());
      await recorder.trace("ask", () => recorder.step("answer", async () => (await new Promise((r) => setTimeout(r, 5)), ask()), { kind: "agent" }));
      await ask();
      await recorder.flush();
      const [trace] = await store.queryTraces();
      const calls = (await store.queryCalls({})).calls.reverse();
      return { traceId: trace!.id, step: trace!.steps[0]!.id, calls: calls.map((c) => [c.traceId, c.parentId]) };
    });
    expect(seen.calls).toEqual([[seen.traceId, seen.step], [undefined, undefined]]);
    await page.close();
  });
});
