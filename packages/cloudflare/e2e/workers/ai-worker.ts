// Workers AI through the env.AI binding. Miniflare cannot run Workers AI
// offline, so the binding is a stand-in that answers in the binding's shapes;
// the recording, tagging and delivery around it are the real thing.
import { instrumentAI, withLLMScope } from "../../src/index.ts";
import { fakeAIBinding } from "../../src/ai/test-ai-binding.ts";

interface Env {
  COLLECTOR_URL: string;
}

const binding = fakeAIBinding();

export default withLLMScope(
  {
    async fetch(request: Request, _env: Env) {
      const ai = instrumentAI(binding);
      const { model, inputs } = (await request.json()) as { model: string; inputs: Record<string, unknown> };
      try {
        const result = await ai.run(model, inputs);
        if (result instanceof ReadableStream) return new Response(result, { headers: { "content-type": "text/event-stream" } });
        return Response.json(result);
      } catch (err) {
        return Response.json({ thrown: (err as Error).message }, { status: 502 });
      }
    },
  },
  (env) => ({ endpoint: `${env.COLLECTOR_URL}/v1/calls`, tags: (request) => ({ userId: request.headers.get("x-user-id") }) }),
);
