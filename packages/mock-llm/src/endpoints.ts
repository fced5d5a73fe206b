import type { EndpointHandler, ProviderProtocol } from "./context.ts";
import { messagesHandler } from "./providers/anthropic/messages.ts";
import { anthropicProtocol } from "./providers/anthropic/protocol.ts";
import { generateContentHandler } from "./providers/gemini/generate.ts";
import { geminiProtocol } from "./providers/gemini/protocol.ts";
import { ollamaHandler } from "./providers/ollama/chat.ts";
import { ollamaProtocol } from "./providers/ollama/protocol.ts";
import { chatHandler } from "./providers/openai/chat.ts";
import { completionsHandler } from "./providers/openai/completions.ts";
import { embeddingsHandler } from "./providers/openai/embeddings.ts";
import { openaiProtocol } from "./providers/openai/protocol.ts";
import { responsesHandler } from "./providers/openai/responses.ts";
import { pineconeQueryHandler, pineconeSearchHandler } from "./retrieval/pinecone.ts";
import { pineconeProtocol } from "./retrieval/pinecone-protocol.ts";
import { qdrantQueryHandler, qdrantSearchHandler } from "./retrieval/qdrant.ts";
import { qdrantProtocol } from "./retrieval/qdrant-protocol.ts";
import type { Endpoint } from "./routes.ts";

export interface EndpointEntry {
  protocol: ProviderProtocol;
  handle: EndpointHandler;
}

export const ENDPOINTS: Record<Endpoint, EndpointEntry> = {
  "openai.chat": { protocol: openaiProtocol, handle: chatHandler },
  "openai.responses": { protocol: openaiProtocol, handle: responsesHandler },
  "openai.completions": { protocol: openaiProtocol, handle: completionsHandler },
  "openai.embeddings": { protocol: openaiProtocol, handle: embeddingsHandler },
  "anthropic.messages": { protocol: anthropicProtocol, handle: messagesHandler },
  "gemini.generate": { protocol: geminiProtocol, handle: generateContentHandler },
  "ollama.chat": { protocol: ollamaProtocol, handle: ollamaHandler("chat") },
  "ollama.generate": { protocol: ollamaProtocol, handle: ollamaHandler("generate") },
  "pinecone.query": { protocol: pineconeProtocol, handle: pineconeQueryHandler },
  "pinecone.search": { protocol: pineconeProtocol, handle: pineconeSearchHandler },
  "qdrant.search": { protocol: qdrantProtocol, handle: qdrantSearchHandler },
  "qdrant.query": { protocol: qdrantProtocol, handle: qdrantQueryHandler },
};
