// The Node server helper over a real http server: 100 interleaved requests,
// each with a preprocessing step, a retrieval fetch and an LLM call made
// through the openai SDK against the mock, each in its own trace (adopting
// an incoming traceparent when one came), none crossing into another.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { startMockLLM, type MockLLMServer } from "@llmscope/mock-llm/node";
import { traceRequests } from "@llmscope/core/server";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sleep, tracing } from "./trace-harness.ts";

const listen = async (server: Server) => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

let mock: MockLLMServer;
let vectors: Server;
let vectorsURL: string;
beforeAll(async () => {
  mock = await startMockLLM();
  // a vector store's search endpoint, answering after a little while
  vectors = createServer((req, res) => void sleep(Math.random() * 10).then(() => res.end(JSON.stringify({ result: [{ id: 1, score: 0.9 }] }))));
  vectorsURL = await listen(vectors);
});
afterAll(async () => {
  await mock.close();
  await new Promise((r) => vectors.close(r));
});

const { recorder, sink } = tracing();

describe("traceRequests on a Node http server", () => {
  it("100 interleaved requests: every call and step lands in its own request's trace", async () => {
    const openai = new OpenAI({ apiKey: "sk-SECRET", baseURL: `${mock.url}/v1`, maxRetries: 0, fetch: recorder.wrap(fetch) });
    const search = recorder.wrap(fetch);
    const app = createServer(
      traceRequests(recorder, (req: IncomingMessage, res: ServerResponse) => {
        const id = new URL(req.url!, "http://x").searchParams.get("id")!;
        void (async () => {
          await recorder.step("prepare", () => sleep(Math.random() * 5), { kind: "preprocess", attributes: { request: id } });
          await (await search(`${vectorsURL}/collections/docs-${id}/points/search?api_key=SECRET`, { method: "POST", body: "{}" })).json();
          const answer = await recorder.withTags({ request: id }, () => openai.chat.completions.create({ model: "gpt-4o-mini", messages: [{ role: "user", content: `Question ${id}` }] }));
          res.end(answer.choices[0]!.message.content);
        })();
      }),
    );
    const url = await listen(app);
    const parentOf = (i: number) => `00-${String(i).padStart(32, "a")}-${"b".repeat(16)}-01`;
    const answers = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        await sleep(Math.random() * 20);
        const res = await fetch(`${url}/ask?id=${i}`, i % 10 == 0 ? { headers: { traceparent: parentOf(i) } } : {});
        return res.text();
      }),
    );
    await new Promise((r) => app.close(r));
    expect(answers.every((a) => a.length > 0)).toBe(true);
    await recorder.flush();
    const traces = sink.traces();
    const calls = sink.calls();
    expect(traces).toHaveLength(100);
    expect(calls).toHaveLength(100);
    const seen = new Set<string>();
    for (const trace of traces) {
      expect(trace.name).toBe("GET /ask");
      const [prepare, retrieval] = trace.steps;
      const id = String(prepare!.attributes!.request);
      expect(seen.has(id)).toBe(false);
      seen.add(id);
      expect(trace.steps).toHaveLength(2);
      expect(prepare).toMatchObject({ kind: "preprocess", name: "prepare" });
      expect(retrieval).toMatchObject({ kind: "retrieval", attributes: { "db.system": "qdrant", "url.path": `/collections/docs-${id}/points/search` } });
      const own = calls.filter((c) => c.traceId === trace.id);
      expect(own).toHaveLength(1);
      expect(trace.callIds).toEqual([own[0]!.id]);
      expect(own[0]!.tags.request).toBe(id);
      expect(own[0]!.prompt.text).toBe(`Question ${id}`);
      expect(trace.summary).toMatchObject({ calls: 1, errors: 0 });
      if (Number(id) % 10 == 0) expect(trace).toMatchObject({ id: String(id).padStart(32, "a"), parentSpanId: "b".repeat(16) });
      else expect(trace.parentSpanId).toBeUndefined();
    }
    expect(seen.size).toBe(100);
    expect(JSON.stringify(traces)).not.toContain("SECRET");
    expect(recorder.stats()).toMatchObject({ traces: 100, openTraces: 0, tracesDropped: 0, stepsDropped: 0 });
  });
});
