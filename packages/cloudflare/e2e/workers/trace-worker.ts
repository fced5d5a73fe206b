// One request, the whole way: a preprocessing step, an embedding, a Vectorize
// query (workerd's own binding), a tool-using loop over two chat calls to the
// mock LLM and a Workers AI run, all inside the trace withLLMScope opens for it.
import { instrumentAI, instrumentVectorize, llmscopeStats, step, withLLMScope } from "../../src/index.ts";
import { fakeAIBinding } from "../../src/ai/test-ai-binding.ts";

interface Env {
  LLM_URL: string;
  COLLECTOR_URL: string;
  VECTORIZE: { query(vector: number[], options?: { topK?: number; returnMetadata?: string }): Promise<{ count: number; matches: { id: string }[] }> };
}

const ai = instrumentAI(fakeAIBinding());
const tools = [{ type: "function", function: { name: "get_weather", parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } } }];

async function post(env: Env, path: string, body: unknown): Promise<any> {
  const response = await fetch(`${env.LLM_URL}${path}`, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer sk-test-not-a-real-key" }, body: JSON.stringify(body) });
  return response.json();
}

export default withLLMScope(
  {
    async fetch(request: Request, env: Env) {
      if (new URL(request.url).pathname === "/stats") return Response.json(llmscopeStats() ?? null);
      const { question } = (await request.json()) as { question: string };
      const cleaned = await step("normalize question", async () => question.trim().replace(/\s+/g, " "), { kind: "preprocess" });
      const embedding = await post(env, "/v1/embeddings", { model: "text-embedding-3-small", input: cleaned, dimensions: 256 });
      const found = await instrumentVectorize(env.VECTORIZE).query(embedding.data[0].embedding, { topK: 3, returnMetadata: "all" });
      const messages: unknown[] = [{ role: "system", content: `Documents: ${found.matches.map((m) => m.id).join(", ")}` }, { role: "user", content: cleaned }];
      const first = await post(env, "/v1/chat/completions", { model: "gpt-4o-mini", messages, tools });
      const call = first.choices[0].message.tool_calls[0];
      const weather = JSON.stringify({ city: JSON.parse(call.function.arguments).city, temperature: 11 });
      messages.push(first.choices[0].message, { role: "tool", tool_call_id: call.id, content: weather });
      const second = await post(env, "/v1/chat/completions", { model: "gpt-4o-mini", messages, tools });
      const summary = (await ai.run("@cf/meta/llama-3.1-8b-instruct", { prompt: second.choices[0].message.content })) as { response: string };
      return Response.json({ answer: second.choices[0].message.content, summary: summary.response, documents: found.count });
    },
  },
  (env) => ({ endpoint: `${env.COLLECTOR_URL}/v1/calls`, tags: (request) => ({ userId: request.headers.get("x-user-id") }), beacon: { retry: { baseMs: 5, maxMs: 20, attempts: 1 } } }),
);
