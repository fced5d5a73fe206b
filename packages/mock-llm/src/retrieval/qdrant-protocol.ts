import type { MockContext, ProviderProtocol } from "../context.ts";
import { errorJson } from "../respond.ts";
import type { ErrorScenario } from "../scenarios.ts";

// Qdrant answers errors as {status: {error}, time}.
const ERRORS: Record<ErrorScenario, { status: number; error: (collection: string) => string }> = {
  rate_limit: { status: 429, error: () => "Too many requests: rate limit exceeded, retry later" },
  context_length: { status: 400, error: () => "Wrong input: Vector dimension error: expected dim: 1536, got 3072" },
  overloaded: { status: 503, error: () => "Service Unavailable: too many concurrent requests" },
  auth: { status: 401, error: () => "Must provide an API key or an Authorization bearer token" },
  not_found: { status: 404, error: (c) => `Not found: Collection \`${c}\` doesn't exist!` },
  server_error: { status: 500, error: () => "Service internal error: the search could not be completed" },
};

export const qdrantError = (ctx: MockContext, status: number, error: string): Response =>
  errorJson(ctx, status, { status: { error }, time: 0.000012 });

export const qdrantProtocol: ProviderProtocol = {
  name: "qdrant",
  headers: () => ({}),
  errorResponse(scenario, ctx) {
    const { status, error } = ERRORS[scenario];
    return qdrantError(ctx, status, error(ctx.route.collection ?? ""));
  },
  invalidRequest: (message, ctx) => qdrantError(ctx, 400, `Format error in JSON body: ${message}`),
};
