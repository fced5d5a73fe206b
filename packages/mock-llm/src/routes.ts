export type Endpoint =
  | "openai.chat"
  | "openai.responses"
  | "openai.completions"
  | "openai.embeddings"
  | "anthropic.messages"
  | "gemini.generate"
  | "ollama.chat"
  | "ollama.generate";

export interface Route {
  endpoint: Endpoint;
  /** model named by the path (Gemini models/{m}, Azure deployments/{d}) */
  model?: string;
  /** the path alone says the response streams (Gemini :streamGenerateContent) */
  stream?: boolean;
  /** an Azure OpenAI path, whose content filter rejects prompts with a 400 */
  azure: boolean;
}

const GEMINI = /\/models\/([^/]+):(generateContent|streamGenerateContent)$/;
const AZURE_DEPLOYMENT = /\/openai\/deployments\/([^/]+)\//;

/**
 * Routes by path suffix on any host and under any prefix, so one server
 * stands in for every provider, behind gateways and dev-server mounts alike.
 */
export function matchRoute(url: URL): Route | null {
  const path = safeDecode(url.pathname).replace(/\/+$/, "");
  const gemini = GEMINI.exec(path);
  if (gemini) return { endpoint: "gemini.generate", model: gemini[1], stream: gemini[2] === "streamGenerateContent", azure: false };

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

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
