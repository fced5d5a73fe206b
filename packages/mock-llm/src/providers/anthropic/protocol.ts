import type { MockContext, ProviderProtocol } from "../../context.ts";
import { errorJson } from "../../respond.ts";
import { modelOf } from "./request.ts";

function anthropicError(ctx: MockContext, type: string, message: string) {
  return { type: "error", error: { type, message }, request_id: `req_${ctx.requestId}` };
}

/** The in-stream error event Anthropic sends when it overloads mid-answer. */
export const OVERLOADED_EVENT = { type: "error", error: { type: "overloaded_error", message: "Overloaded" } };

export const anthropicProtocol: ProviderProtocol = {
  name: "anthropic",
  headers: (ctx) => ({ "request-id": `req_${ctx.requestId}`, "anthropic-organization-id": "00000000-0000-4000-8000-000000000000" }),
  errorResponse(scenario, ctx) {
    switch (scenario) {
      case "rate_limit":
        return errorJson(
          ctx,
          429,
          anthropicError(
            ctx,
            "rate_limit_error",
            "This request would exceed the rate limit for your organization of 50,000 input tokens per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later.",
          ),
          {
            "retry-after": "1",
            "anthropic-ratelimit-requests-limit": "50",
            "anthropic-ratelimit-requests-remaining": "49",
            "anthropic-ratelimit-input-tokens-limit": "50000",
            "anthropic-ratelimit-input-tokens-remaining": "0",
            "anthropic-ratelimit-input-tokens-reset": new Date(Date.now() + 1000).toISOString(),
          },
        );
      case "context_length":
        return errorJson(ctx, 400, anthropicError(ctx, "invalid_request_error", "prompt is too long: 208451 tokens > 200000 maximum"));
      case "overloaded":
        return errorJson(ctx, 529, anthropicError(ctx, "overloaded_error", "Overloaded"));
      case "auth":
        return errorJson(ctx, 401, anthropicError(ctx, "authentication_error", "invalid x-api-key"));
      case "not_found":
        return errorJson(ctx, 404, anthropicError(ctx, "not_found_error", `model: ${modelOf(ctx)}`));
      case "server_error":
        return errorJson(ctx, 500, anthropicError(ctx, "api_error", "Internal server error"));
    }
  },
  invalidRequest: (message, ctx) => errorJson(ctx, 400, anthropicError(ctx, "invalid_request_error", message)),
};
