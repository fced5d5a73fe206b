import { aiSdkChat } from "./ai-sdk-client.ts";
import { anthropicChat } from "./anthropic-client.ts";
import { geminiChat } from "./gemini-client.ts";
import { openaiChat } from "./openai-client.ts";
import type { ChatClient, ProviderId } from "./types.ts";

export type { ChatClient, ChatRequest, ProviderId } from "./types.ts";

export interface ProviderChoice {
  id: ProviderId;
  label: string;
  models: string[];
  send: ChatClient;
}

export const PROVIDERS: ProviderChoice[] = [
  { id: "openai", label: "OpenAI (openai SDK)", models: ["gpt-4o-mini", "gpt-4.1", "gpt-5-mini"], send: openaiChat },
  { id: "anthropic", label: "Anthropic (@anthropic-ai/sdk)", models: ["claude-sonnet-4-5", "claude-haiku-4-5"], send: anthropicChat },
  { id: "google", label: "Gemini (@google/genai)", models: ["gemini-2.5-flash", "gemini-2.5-pro"], send: geminiChat },
  { id: "ai-sdk", label: "AI SDK streamText (OpenAI Responses)", models: ["gpt-4o-mini", "gpt-4.1-mini"], send: aiSdkChat },
];
