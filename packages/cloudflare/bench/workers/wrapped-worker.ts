// The same Worker as bare-worker.ts, wrapped: what a user adds is this import and one call.
import { withLLMScope } from "@llmscope/cloudflare";

interface Env {
  LLM_URL: string;
  COLLECTOR_URL: string;
}

export default withLLMScope(
  {
    async fetch(request: Request, env: Env): Promise<Response> {
      return fetch(`${env.LLM_URL}/v1/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: await request.text() });
    },
  },
  (env: Env) => ({ endpoint: `${env.COLLECTOR_URL}/v1/calls`, tags: (request: Request) => ({ userId: request.headers.get("x-user-id") }) }),
);
