// Vector stores and search APIs whose requests are retrieval, not plain HTTP.
// One small table; an app adds its own entries through the recorder's
// `retrievalEndpoints` option (tried first).
import type { RetrievalEndpoint } from "./types.ts";

export const RETRIEVAL_ENDPOINTS: readonly RetrievalEndpoint[] = [
  // data-plane hosts {index}-{project}.svc.{env}.pinecone.io: query, and fetch by id
  { system: "pinecone", host: /\.pinecone\.io$/, path: /^\/(query|vectors\/fetch)$/ },
  { system: "qdrant", path: /\/collections\/[^/]+\/points\/(search|query|recommend|discover)(\/batch|\/groups)?$/ },
  // Weaviate answers searches through GraphQL (and gRPC, which fetch does not speak)
  { system: "weaviate", path: /^\/v1\/graphql$/, method: "POST" },
  { system: "chroma", path: /^\/api\/v[12]\/.*collections\/[^/]+\/(query|get)$/ },
  { system: "upstash-vector", host: /\.upstash\.io$/, path: /^\/(query|query-data|resumable-query)(\/|$)/ },
  // Elasticsearch and OpenSearch: _search on an index or everywhere, multi-search, kNN search
  { system: "elasticsearch", path: /\/_(search|msearch|knn_search)(\/template)?$/ },
  // Supabase pgvector functions, by the match_* naming its guides use
  { system: "supabase", path: /^\/rest\/v1\/rpc\/match_[^/]+$/ },
];

/** the matching endpoint's system; undefined when the request is plain HTTP */
export function retrievalSystem(host: string, path: string, method: string, extra: readonly RetrievalEndpoint[] = []): string | undefined {
  for (const table of [extra, RETRIEVAL_ENDPOINTS]) {
    for (const e of table) {
      if ((!e.method || e.method.toUpperCase() === method) && (!e.host || e.host.test(host)) && (!e.path || e.path.test(path))) return e.system;
    }
  }
}
