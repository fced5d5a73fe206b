export type ProviderId = "openai" | "anthropic" | "google" | "ai-sdk";

export interface ChatRequest {
  model: string;
  system?: string;
  prompt: string;
  temperature: number;
  stream: boolean;
  /** request headers the mock LLM reads: scenario, latency, variation */
  headers: Record<string, string>;
}

/** One SDK, one way to send a chat turn; deltas arrive through onDelta when streaming. */
export type ChatClient = (request: ChatRequest, onDelta: (text: string) => void) => Promise<string>;
