// What the benchmarks send and answer: an OpenAI chat request, a ~4 KB JSON
// completion and an SSE stream of small deltas, all prebuilt.
export const CHAT_PATH = "/v1/chat/completions";

export const requestBody = JSON.stringify({
  model: "gpt-4o-mini",
  temperature: 0.2,
  messages: [
    { role: "system", content: "You are a helpful assistant." },
    { role: "user", content: "Summarise the main causes of latency in LLM applications." },
  ],
});

const sentence = "Latency comes from queueing, prompt processing and token generation, and the network adds its share. ";
export const jsonBody = new TextEncoder().encode(
  JSON.stringify({
    id: "chatcmpl-bench",
    object: "chat.completion",
    model: "gpt-4o-mini-2024-07-18",
    choices: [{ index: 0, message: { role: "assistant", content: sentence.repeat(38) }, finish_reason: "stop" }],
    usage: { prompt_tokens: 31, completion_tokens: 760, total_tokens: 791 },
  }),
);

const delta = (content: string) => `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", model: "gpt-4o-mini", choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;

/** one SSE event per chunk, like a real token stream */
export function sseChunks(count: number): Uint8Array[] {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (let i = 0; i < count; i++) chunks.push(enc.encode(delta(` tok${i}`)));
  chunks.push(enc.encode('data: {"id":"c","object":"chat.completion.chunk","model":"gpt-4o-mini","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n'));
  return chunks;
}

export const jsonHeaders = { "content-type": "application/json" };
export const sseHeaders = { "content-type": "text/event-stream" };
