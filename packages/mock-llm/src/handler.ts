import type { MockContext } from "./context.ts";
import { CORS_HEADERS, preflightResponse } from "./cors.ts";
import { hashString, seededRandom, shortId } from "./content/hash.ts";
import { createPromptCache } from "./content/prompt-cache.ts";
import { ENDPOINTS } from "./endpoints.ts";
import { indexResponse } from "./index-page/index-response.ts";
import { MockNetworkError } from "./network-failure.ts";
import type { MockOptions } from "./options.ts";
import { matchRoute } from "./routes.ts";
import { SCENARIOS, type ScenarioId, isErrorScenario, isScenarioId } from "./scenarios.ts";
import { createDelays } from "./stream/delays.ts";
import { timingFor } from "./timing.ts";

/**
 * A Web-standard handler that answers like OpenAI, Azure OpenAI, Anthropic,
 * Gemini and Ollama, chosen by path suffix. Runs anywhere `Request` and
 * `Response` exist: a Node server, a Vite middleware, a Worker, a test.
 */
export function createMockLLM(options: MockOptions = {}): (request: Request) => Promise<Response> {
  const seed = options.seed ?? 1;
  const cache = createPromptCache();
  const vary = seededRandom(seed ^ 0x5eed);
  let counter = 0;

  return async (request) => {
    if (request.method === "OPTIONS") return preflightResponse(request);
    const url = new URL(request.url);
    if (request.method === "GET" && /^\/*$/.test(url.pathname)) return indexResponse(request);
    const route = matchRoute(url);
    const entry = route ? ENDPOINTS[route.endpoint] : undefined;
    if (!route || !entry) return mockError(404, `mock-llm: no endpoint for ${request.method} ${url.pathname} (GET / lists them)`);
    if (request.method !== "POST") return mockError(405, `mock-llm: ${url.pathname} accepts POST only`);

    const named = request.headers.get("x-mock-scenario") ?? url.searchParams.get("mock_scenario");
    if (named !== null && !isScenarioId(named)) {
      return mockError(400, `mock-llm: unknown scenario "${named}"; known: ${SCENARIOS.map((s) => s.id).join(", ")}`);
    }
    const scenario: ScenarioId = named ?? options.scenario ?? "normal";
    if (scenario === "network") throw new MockNetworkError();

    const raw = await request.text();
    counter++;
    const bodyHash = hashString(raw, seed);
    const requestId = shortId(bodyHash ^ counter, 24);
    const timing = timingFor(options, scenario, request.headers);
    const ctx: MockContext = {
      request,
      url,
      route,
      body: {},
      scenario,
      timing,
      delays: createDelays(timing, bodyHash),
      salt: 0,
      cache,
      requestId,
      createdAt: Math.floor(Date.now() / 1000),
      protocol: entry.protocol,
    };
    const body = parseBody(raw);
    if (body === null) return entry.protocol.invalidRequest("We could not parse the JSON body of your request. The body must be a JSON object.", ctx);
    ctx.body = body;
    if (typeof body.temperature === "number" && body.temperature > 0 && request.headers.get("x-mock-vary") === "1") {
      ctx.salt = Math.floor(vary() * 0xffffffff) || 1;
    }
    if (isErrorScenario(scenario)) return entry.protocol.errorResponse(scenario, ctx);
    try {
      return await entry.handle(ctx);
    } catch (error) {
      return mockError(500, `mock-llm: internal error: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}

function parseBody(raw: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Errors about the mock itself (bad scenario, unknown path), not a provider's. */
function mockError(status: number, message: string): Response {
  return new Response(JSON.stringify({ error: { message, type: "mock_llm_error", code: null } }), {
    status,
    headers: { ...CORS_HEADERS, "content-type": "application/json" },
  });
}
