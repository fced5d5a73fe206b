import { describe, expect, it } from "vitest";
import { createMockLLM } from "../handler.ts";
import { jsonRequest } from "../test-read.ts";
import { DOCUMENTS } from "./corpus.ts";

const mock = createMockLLM({ firstChunkDelayMs: 0 });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) => mock(jsonRequest(path, body, headers));
const embed = async (text: string): Promise<number[]> =>
  (await (await post("/v1/embeddings", { model: "text-embedding-3-small", input: text, dimensions: 256 })).json()).data[0].embedding;

describe("Qdrant POST /collections/{name}/points/search", () => {
  it("returns scored points, best first, with the payload when asked", async () => {
    const vector = await embed("How does retrieval-augmented generation use a vector index?");
    const res = await post("/collections/docs/points/search", { vector, limit: 3, with_payload: true });
    const body = await res.json();
    expect(body.status).toBe("ok");
    expect(body.time).toBeGreaterThan(0);
    expect(body.result).toHaveLength(3);
    const [first, second] = body.result;
    expect(first).toMatchObject({ version: 1, payload: { doc_id: "doc-rag" } });
    expect(Number.isInteger(first.id) && first.id > 0).toBe(true);
    expect(first.score).toBeGreaterThanOrEqual(second.score);
  });

  it("leaves the payload out unless asked and accepts a named vector", async () => {
    const vector = await embed("boiling water temperature");
    const body = await (await post("/collections/docs/points/search", { vector: { name: "text", vector }, limit: 1 })).json();
    expect(body.result[0].payload).toBeUndefined();
    expect(body.result[0].id).toBe(DOCUMENTS.findIndex((d) => d.id === "doc-water") + 1);
  });

  it("rejects a search without limit with Qdrant's error body", async () => {
    const res = await post("/collections/docs/points/search", { vector: [1, 0] });
    expect(res.status).toBe(400);
    expect((await res.json()).status.error).toContain("limit");
  });

  it("answers not_found with Qdrant's message for the collection", async () => {
    const res = await post("/collections/missing/points/search", { vector: [1, 0], limit: 1 }, { "x-mock-scenario": "not_found" });
    expect(res.status).toBe(404);
    expect((await res.json()).status.error).toBe("Not found: Collection `missing` doesn't exist!");
  });
});

describe("Qdrant POST /collections/{name}/points/query", () => {
  it("queries by vector, {nearest}, a document's text and a point id, wrapped in result.points", async () => {
    const vector = await embed("streaming tokens to the user");
    for (const query of [vector, { nearest: vector }, { text: "streaming tokens to the user", model: "sentence-transformers/all-minilm-l6-v2" }]) {
      const body = await (await post("/collections/docs/points/query", { query, limit: 2, with_payload: true })).json();
      expect(body.result.points).toHaveLength(2);
      expect(body.result.points[0].payload.doc_id).toBe("doc-streaming");
    }
    const byId = await (await post("/collections/docs/points/query", { query: 1, with_payload: true })).json();
    expect(byId.result.points).toHaveLength(10);
    expect(byId.result.points[0]).toMatchObject({ id: 1 });
  });

  it("answers 404 for an unknown point id and 400 for a query it cannot read", async () => {
    expect((await post("/collections/docs/points/query", { query: 999 })).status).toBe(404);
    expect((await post("/collections/docs/points/query", { query: "?" })).status).toBe(400);
  });
});

describe("search latency", () => {
  it("waits the first-chunk delay, moved by the jitter", async () => {
    const slow = createMockLLM({ firstChunkDelayMs: 60, jitterMs: 30 });
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      const started = performance.now();
      await slow(jsonRequest("/collections/docs/points/search", { vector: [i, 1], limit: 1 }));
      waits.push(performance.now() - started);
    }
    for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(29);
    expect(new Set(waits.map((w) => Math.round(w / 5))).size).toBeGreaterThan(1);
  });
});
