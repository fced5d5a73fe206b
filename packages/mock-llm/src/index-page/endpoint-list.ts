// What GET / says about the mock: every endpoint, the scenarios and the
// headers that steer it, for a person finding their way and for scripts.
import { SCENARIOS } from "../scenarios.ts";

export interface EndpointDoc {
  method: "POST";
  /** matched as a path suffix, under any prefix and on any host */
  path: string;
  api: string;
}

export const ENDPOINT_DOCS: readonly EndpointDoc[] = [
  { method: "POST", path: "/v1/chat/completions", api: "OpenAI chat completions (Azure: /openai/deployments/{d}/chat/completions)" },
  { method: "POST", path: "/v1/responses", api: "OpenAI Responses" },
  { method: "POST", path: "/v1/completions", api: "OpenAI legacy completions" },
  { method: "POST", path: "/v1/embeddings", api: "OpenAI embeddings (bag-of-words vectors)" },
  { method: "POST", path: "/v1/messages", api: "Anthropic Messages" },
  { method: "POST", path: "/v1beta/models/{model}:generateContent", api: "Gemini (and :streamGenerateContent, ?alt=sse)" },
  { method: "POST", path: "/api/chat", api: "Ollama chat" },
  { method: "POST", path: "/api/generate", api: "Ollama generate" },
  { method: "POST", path: "/query", api: "Pinecone query by vector or id" },
  { method: "POST", path: "/records/namespaces/{namespace}/search", api: "Pinecone search by text, vector or id" },
  { method: "POST", path: "/collections/{collection}/points/search", api: "Qdrant search" },
  { method: "POST", path: "/collections/{collection}/points/query", api: "Qdrant universal query (vector, nearest, id, {text} document)" },
];

export const STEERING_HEADERS: Readonly<Record<string, string>> = {
  "x-mock-scenario": "one of the scenarios (or ?mock_scenario=)",
  "x-mock-first-chunk-delay": "ms before the first chunk or a whole answer",
  "x-mock-chunk-delay": "ms between stream chunks",
  "x-mock-jitter": "± ms on each gap",
  "x-mock-vary": "1: vary answers when temperature > 0",
};

export function endpointIndex() {
  return {
    name: "@llmscope/mock-llm",
    description: "A local LLM and vector-search server speaking the providers' wire formats. Paths match by suffix, under any prefix.",
    endpoints: ENDPOINT_DOCS,
    scenarios: SCENARIOS.map(({ id, description }) => ({ id, description })),
    headers: STEERING_HEADERS,
  };
}
