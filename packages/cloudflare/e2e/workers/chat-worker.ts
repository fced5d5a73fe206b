// The Worker most e2e tests drive: proxies chat requests to the mock LLM with
// plain fetch, in the foreground and in ctx.waitUntil, wrapped by withLLMScope.
import { llmscopeStats, withLLMScope, withTags, type ExecutionContextLike, type ScheduledControllerLike } from "../../src/index.ts";

interface Env {
  LLM_URL: string;
  COLLECTOR_URL?: string;
  CONSOLE?: string;
}

function chat(env: Env, body: string, scenario: string | null, upstream = env.LLM_URL): Promise<Response> {
  const headers: Record<string, string> = { "content-type": "application/json", authorization: "Bearer sk-test-not-a-real-key" };
  if (scenario) headers["x-mock-scenario"] = scenario;
  return fetch(`${upstream}/v1/chat/completions`, { method: "POST", headers, body });
}

export default withLLMScope(
  {
    async fetch(request: Request, env: Env, ctx: ExecutionContextLike) {
      const path = new URL(request.url).pathname;
      const scenario = request.headers.get("x-mock-scenario");
      // tests may route one request through a byte-recording proxy on 127.0.0.1
      if (path === "/chat") return chat(env, await request.text(), scenario, request.headers.get("x-llm-url") ?? env.LLM_URL);
      if (path === "/chat/tagged") {
        const body = await request.text();
        return withTags({ feature: "summary" }, () => chat(env, body, scenario));
      }
      if (path === "/chat/background") {
        const body = await request.text();
        ctx.waitUntil(chat(env, body, scenario).then((r) => r.text()));
        return new Response("accepted", { status: 202 });
      }
      if (path === "/stats") return Response.json(llmscopeStats() ?? null);
      return new Response("not found", { status: 404 });
    },
    async scheduled(controller: ScheduledControllerLike, env: Env) {
      await (await chat(env, JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: `cron ${controller.cron}` }] }), null)).text();
    },
  },
  (env) => ({
    endpoint: env.COLLECTOR_URL ? `${env.COLLECTOR_URL}/v1/calls` : undefined,
    console: env.CONSOLE === "1",
    tags: (request) => ({ userId: request.headers.get("x-user-id") }),
    defaultTags: { app: "chat-worker" },
    // tests use failing endpoints: give up quickly instead of backing off for seconds
    beacon: { retry: { baseMs: 5, maxMs: 20, attempts: 1 } },
  }),
);
