import type { ProviderProtocol } from "../context.ts";
import { errorJson } from "../respond.ts";
import type { ErrorScenario } from "../scenarios.ts";

// Pinecone's data plane answers errors with a gRPC status: {code, message, details}.
const ERRORS: Record<ErrorScenario, { status: number; code: number; message: string }> = {
  rate_limit: { status: 429, code: 8, message: "Request failed. You've reached the max read units per second (2000) for this index." },
  context_length: { status: 400, code: 3, message: "Vector dimension 3072 does not match the dimension of the index 1536" },
  overloaded: { status: 503, code: 14, message: "The service is currently unavailable. Please try again later." },
  auth: { status: 401, code: 16, message: "Invalid API Key" },
  not_found: { status: 404, code: 5, message: "Namespace not found" },
  server_error: { status: 500, code: 13, message: "Internal error" },
};

export const pineconeProtocol: ProviderProtocol = {
  name: "pinecone",
  headers: (ctx) => ({ "x-pinecone-request-id": ctx.requestId }),
  errorResponse(scenario, ctx) {
    const { status, code, message } = ERRORS[scenario];
    return errorJson(ctx, status, { code, message, details: [] });
  },
  invalidRequest: (message, ctx) => errorJson(ctx, 400, { code: 3, message, details: [] }),
};
