export type Endpoint =
  | "openai.chat"
  | "openai.responses"
  | "openai.completions"
  | "openai.embeddings"
  | "anthropic.messages"
  | "gemini.generate"
  | "ollama.chat"
  | "ollama.generate"
  | "pinecone.query"
  | "pinecone.search"
  | "qdrant.search"
  | "qdrant.query";

export interface Route {
  endpoint: Endpoint;
  /** model named by the path (Gemini models/{m}, Azure deployments/{d}) */
  model?: string;
  /** the path alone says the response streams (Gemini :streamGenerateContent) */
  stream?: boolean;
  /** an Azure OpenAI path, whose content filter rejects prompts with a 400 */
  azure: boolean;
  /** a vector store's collection or namespace named by the path */
  collection?: string;
}

const GEMINI = /\/models\/([^/]+):(generateContent|streamGenerateContent)$/;
const QDRANT = /\/collections\/([^/]+)\/points\/(search|query)$/;
const PINECONE_RECORDS = /\/records\/namespaces\/([^/]+)\/search$/;
const AZURE_DEPLOYMENT = /\/openai\/deployments\/([^/]+)\//;

/**
 * Routes by path suffix on any host and under any prefix, so one server
 * stands in for every provider, behind gateways and dev-server mounts alike.
 */
export function matchRoute(url: URL): Route | null {
  const path = safeDecode(url.pathname).replace(/\/+$/, "");
  const gemini = GEMINI.exec(path);
  if (gemini) return { endpoint: "gemini.generate", model: gemini[1], stream: gemini[2] === "streamGenerateContent", azure: false };

  const vectorStore = matchVectorStore(path);
  if (vectorStore) return vectorStore;

  const deployment = AZURE_DEPLOYMENT.exec(path);
  const azure = deployment !== null || url.searchParams.has("api-version") || url.hostname.endsWith(".openai.azure.com");
  const model = deployment?.[1];
  const openai = (endpoint: Endpoint): Route => (model ? { endpoint, model, azure } : { endpoint, azure });

  if (path.endsWith("/chat/completions")) return openai("openai.chat");
  if (path.endsWith("/completions")) return openai("openai.completions");
  if (path.endsWith("/responses")) return openai("openai.responses");
  if (path.endsWith("/embeddings")) return openai("openai.embeddings");
  if (path.endsWith("/v1/messages")) return { endpoint: "anthropic.messages", azure: false };
  if (path.endsWith("/api/chat")) return { endpoint: "ollama.chat", azure: false };
  if (path.endsWith("/api/generate")) return { endpoint: "ollama.generate", azure: false };
  return null;
}

/** Vector search: Qdrant by its collection path, Pinecone by the paths of an index host. */
function matchVectorStore(path: string): Route | null {
  const qdrant = QDRANT.exec(path);
  if (qdrant) return { endpoint: qdrant[2] === "search" ? "qdrant.search" : "qdrant.query", collection: qdrant[1]!, azure: false };
  const records = PINECONE_RECORDS.exec(path);
  if (records) return { endpoint: "pinecone.search", collection: records[1]!, azure: false };
  if (path === "/query" || path.endsWith("/query")) return { endpoint: "pinecone.query", azure: false };
  return null;
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
