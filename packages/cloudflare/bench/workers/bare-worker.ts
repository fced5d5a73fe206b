// The baseline: a Worker that relays one chat completion, without llmscope.
interface Env {
  LLM_URL: string;
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    return fetch(`${env.LLM_URL}/v1/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: await request.text() });
  },
};
