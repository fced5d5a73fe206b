// A Worker on the narrower "nodejs_als" flag: it imports AsyncLocalStorage
// itself and hands it over, since process.getBuiltinModule needs nodejs_compat.
import { AsyncLocalStorage } from "node:async_hooks";
import { withLLMScope } from "../../src/index.ts";

interface Env {
  LLM_URL: string;
  COLLECTOR_URL: string;
}

export default withLLMScope(
  {
    async fetch(request: Request, env: Env) {
      return fetch(`${env.LLM_URL}/v1/chat/completions`, { method: "POST", headers: { "content-type": "application/json" }, body: await request.text() });
    },
  },
  {
    asyncLocalStorage: AsyncLocalStorage,
    console: true,
    tags: (request) => ({ userId: request.headers.get("x-user-id") }),
  },
);
