import type { EndpointHandler, ProviderProtocol } from "./context.ts";
import { chatHandler } from "./providers/openai/chat.ts";
import { openaiProtocol } from "./providers/openai/protocol.ts";
import type { Endpoint } from "./routes.ts";

export interface EndpointEntry {
  protocol: ProviderProtocol;
  handle: EndpointHandler;
}

export const ENDPOINTS: Partial<Record<Endpoint, EndpointEntry>> = {
  "openai.chat": { protocol: openaiProtocol, handle: chatHandler },
};
