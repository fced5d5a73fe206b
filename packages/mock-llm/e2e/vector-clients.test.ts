// The vector stores' own clients against the mock: @pinecone-database/pinecone
// and @qdrant/js-client-rest read its answers, so the shapes are the real ones.
import { Pinecone } from "@pinecone-database/pinecone";
import { QdrantClient } from "@qdrant/js-client-rest";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type MockLLMServer, startMockLLM } from "../src/node.ts";

let server: MockLLMServer;
let vector: number[];
beforeAll(async () => {
  server = await startMockLLM({ firstChunkDelayMs: 0 });
  const openai = new OpenAI({ apiKey: "sk-test", baseURL: `${server.url}/v1`, maxRetries: 0 });
  const embedded = await openai.embeddings.create({ model: "text-embedding-3-small", input: "What is the weather in Oslo in spring?" });
  vector = embedded.data[0]!.embedding;
});
afterAll(() => server.close());

describe("vector-store clients against the mock", () => {
  it("@pinecone-database/pinecone: query by vector finds the document about the question", async () => {
    const pc = new Pinecone({ apiKey: "pc-test", maxRetries: 0 });
    const index = pc.index({ host: server.url, namespace: "docs" });
    const answer = await index.query({ vector, topK: 3, includeMetadata: true });
    expect(answer.matches).toHaveLength(3);
    expect(answer.matches[0]).toMatchObject({ id: "doc-weather-oslo", metadata: { title: "Weather in Oslo" } });
    expect(answer.namespace).toBe("docs");
    expect(answer.usage?.readUnits).toBeGreaterThan(0);
  });

  it("@qdrant/js-client-rest: query returns scored points with payloads (its client no longer calls points/search)", async () => {
    const client = new QdrantClient({ url: server.url, checkCompatibility: false });
    const queried = await client.query("docs", { query: vector, limit: 2, with_payload: true });
    expect(queried.points).toHaveLength(2);
    expect(queried.points[0]!.payload).toMatchObject({ doc_id: "doc-weather-oslo" });
    expect(queried.points[0]!.score).toBeGreaterThan(queried.points[1]!.score);
    const byText = await client.query("docs", { query: { text: "weather in Oslo", model: "sentence-transformers/all-minilm-l6-v2" }, limit: 1, with_payload: true });
    expect(byText.points[0]!.payload).toMatchObject({ doc_id: "doc-weather-oslo" });
  });
});
