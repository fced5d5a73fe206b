import { describe, expect, it } from "vitest";
import { retrievalSystem } from "./retrieval-endpoints.ts";

const systemOf = (url: string, method = "POST") => {
  const u = new URL(url);
  return retrievalSystem(u.host, u.pathname, method);
};

describe("retrievalSystem", () => {
  it.each([
    ["https://docs-abc1234.svc.us-east1-gcp.pinecone.io/query", "pinecone"],
    ["http://127.0.0.1:6333/collections/docs/points/search", "qdrant"],
    ["https://x.qdrant.io/collections/docs/points/query/batch", "qdrant"],
    ["https://cluster.weaviate.network/v1/graphql", "weaviate"],
    ["http://127.0.0.1:8000/api/v1/collections/4f2a/query", "chroma"],
    ["http://127.0.0.1:8000/api/v2/tenants/t/databases/d/collections/4f2a/query", "chroma"],
    ["https://busy-cat-1234-us1-vector.upstash.io/query-data", "upstash-vector"],
    ["https://es.example.com:9200/products/_search", "elasticsearch"],
    ["https://search-x.us-east-1.es.amazonaws.com/_msearch", "elasticsearch"],
    ["https://abcd.supabase.co/rest/v1/rpc/match_documents", "supabase"],
  ])("%s is %s", (url, system) => {
    expect(systemOf(url)).toBe(system);
  });

  it.each([
    "https://api.example.com/search",
    "https://abcd.supabase.co/rest/v1/rpc/get_user",
    "https://example.com/query",
    "https://redis-1.upstash.io/get/key",
  ])("%s is plain HTTP", (url) => {
    expect(systemOf(url)).toBeUndefined();
  });

  it("an app's own entries come first and may name a method", () => {
    const extra = [{ system: "internal-search", host: /^search\.internal$/, method: "GET" }];
    expect(retrievalSystem("search.internal", "/v2/find", "GET", extra)).toBe("internal-search");
    expect(retrievalSystem("search.internal", "/v2/find", "POST", extra)).toBeUndefined();
  });
});
