import { describe, expect, it } from "vitest";
import { createMockLLM } from "../handler.ts";
import { jsonRequest } from "../test-read.ts";

const mock = createMockLLM({ firstChunkDelayMs: 0 });
const post = (path: string, body: unknown, headers: Record<string, string> = {}) => mock(jsonRequest(path, body, headers));
const embed = async (text: string, dimensions = 256): Promise<number[]> =>
  (await (await post("/v1/embeddings", { model: "text-embedding-3-small", input: text, dimensions })).json()).data[0].embedding;

describe("Pinecone POST /query", () => {
  it("ranks the documents that share the question's words first, in Pinecone's shape", async () => {
    const vector = await embed("What is the weather in Oslo this spring?");
    const res = await post("/query", { namespace: "docs", vector, topK: 3, includeMetadata: true });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-pinecone-request-id")).toBeTruthy();
    const body = await res.json();
    expect(Object.keys(body).sort()).toEqual(["matches", "namespace", "results", "usage"]);
    expect(body.namespace).toBe("docs");
    expect(body.matches).toHaveLength(3);
    expect(body.matches[0]).toMatchObject({ id: "doc-weather-oslo", values: [], metadata: { title: "Weather in Oslo" } });
    expect(body.matches[0].score).toBeGreaterThan(body.matches[1].score);
    expect(body.usage.readUnits).toBeGreaterThan(0);
  });

  it("returns values only when asked, at the query's dimension, and queries by record id", async () => {
    const vector = await embed("prompt caching", 256);
    const withValues = await (await post("/query", { vector, topK: 1, includeValues: true })).json();
    expect(withValues.matches[0].id).toBe("doc-caching");
    expect(withValues.matches[0].values).toHaveLength(256);
    expect(withValues.matches[0].metadata).toBeUndefined();
    const byId = await (await post("/query", { id: "doc-paris", topK: 2 })).json();
    expect(byId.matches[0]).toMatchObject({ id: "doc-paris" });
    expect(byId.matches[0].score).toBeCloseTo(1, 5);
  });

  it("rejects a query without topK or without a vector with Pinecone's error body", async () => {
    const noTopK = await post("/query", { vector: [0.1, 0.2] });
    expect(noTopK.status).toBe(400);
    expect(await noTopK.json()).toMatchObject({ code: 3, message: expect.stringContaining("topK"), details: [] });
    const noVector = await post("/query", { topK: 3 });
    expect(noVector.status).toBe(400);
    expect((await noVector.json()).message).toContain("vector");
  });

  it("answers the error scenarios with Pinecone's statuses", async () => {
    const limited = await post("/query", { vector: [1, 0], topK: 1 }, { "x-mock-scenario": "rate_limit" });
    expect(limited.status).toBe(429);
    expect((await limited.json()).code).toBe(8);
    expect((await post("/query", { vector: [1, 0], topK: 1 }, { "x-mock-scenario": "auth" })).status).toBe(401);
  });
});

describe("Pinecone POST /records/namespaces/{namespace}/search", () => {
  it("searches by text and returns hits with the asked fields", async () => {
    const res = await post("/records/namespaces/example-namespace/search", { query: { inputs: { text: "Why is the sky blue?" }, top_k: 2 }, fields: ["chunk_text", "nope"] });
    const body = await res.json();
    expect(body.result.hits).toHaveLength(2);
    expect(body.result.hits[0]._id).toBe("doc-sky");
    expect(Object.keys(body.result.hits[0].fields)).toEqual(["chunk_text"]);
    expect(body.usage.read_units).toBeGreaterThan(0);
    expect(body.usage.embed_total_tokens).toBeGreaterThan(0);
  });

  it("needs query.top_k", async () => {
    const res = await post("/records/namespaces/x/search", { query: { inputs: { text: "sky" } } });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toContain("top_k");
  });
});
