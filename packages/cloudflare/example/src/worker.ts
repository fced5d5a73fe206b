// A Worker that calls an LLM two ways — through the openai SDK and through
// plain fetch — with every call recorded by withLLMScope.
//
//   GET /sdk?q=...         the openai SDK, JSON answer
//   GET /sdk/stream?q=...  the openai SDK, streamed text
//   GET /fetch?q=...       plain fetch, the provider's response relayed untouched
import OpenAI from "openai";
import { jwtClaim, recordingFetch, withLLMScope } from "@llmscope/cloudflare";

export interface Env {
  /** an OpenAI-compatible API, e.g. the mock LLM on 127.0.0.1 */
  LLM_BASE_URL: string;
  OPENAI_API_KEY: string;
  MODEL?: string;
  /** the collector's beacon URL; without it records are printed for `wrangler tail` */
  LLMSCOPE_ENDPOINT?: string;
}

function client(env: Env): OpenAI {
  // the SDK keeps the fetch it is given: hand it the recording one
  return new OpenAI({ apiKey: env.OPENAI_API_KEY, baseURL: `${env.LLM_BASE_URL}/v1`, fetch: recordingFetch });
}

const textStream = (stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>): ReadableStream<Uint8Array> => {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async start(controller) {
      for await (const chunk of stream) controller.enqueue(encoder.encode(chunk.choices[0]?.delta.content ?? ""));
      controller.close();
    },
  });
};

export default withLLMScope(
  {
    async fetch(request, env) {
      const url = new URL(request.url);
      const model = env.MODEL ?? "gpt-4o-mini";
      const messages = [
        { role: "system" as const, content: "You answer in one short paragraph." },
        { role: "user" as const, content: url.searchParams.get("q") ?? "What does llmscope record?" },
      ];
      switch (url.pathname) {
        case "/sdk": {
          const completion = await client(env).chat.completions.create({ model, messages });
          return Response.json({ answer: completion.choices[0]?.message.content, usage: completion.usage });
        }
        case "/sdk/stream": {
          const stream = await client(env).chat.completions.create({ model, messages, stream: true, stream_options: { include_usage: true } });
          return new Response(textStream(stream), { headers: { "content-type": "text/plain; charset=utf-8" } });
        }
        case "/fetch":
          return fetch(`${env.LLM_BASE_URL}/v1/chat/completions`, {
            method: "POST",
            headers: { "content-type": "application/json", authorization: `Bearer ${env.OPENAI_API_KEY}` },
            body: JSON.stringify({ model, messages, stream: url.searchParams.has("stream") }),
          });
        default:
          return new Response("try /sdk, /sdk/stream or /fetch?q=...\n", { status: 404 });
      }
    },
  },
  (env) => ({
    endpoint: env.LLMSCOPE_ENDPOINT || undefined,
    console: !env.LLMSCOPE_ENDPOINT,
    // a user id header, else the subject of a bearer JWT (not verified: attribution only)
    tags: (request) => ({ userId: request.headers.get("x-user-id") ?? jwtClaim(request, "sub") }),
    defaultTags: { feature: "example" },
  }),
);
