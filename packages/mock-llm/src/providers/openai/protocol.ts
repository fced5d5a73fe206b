import type { MockContext, ProviderProtocol } from "../../context.ts";
import { errorJson } from "../../respond.ts";
import type { ErrorScenario } from "../../scenarios.ts";
import { modelOf } from "./request.ts";

function openaiError(message: string, type: string | null, code: string | null, param: string | null = null) {
  return { error: { message, type, param, code } };
}

const RATE_LIMIT_HEADERS = {
  "retry-after": "1",
  "retry-after-ms": "840",
  "x-ratelimit-limit-requests": "500",
  "x-ratelimit-limit-tokens": "30000",
  "x-ratelimit-remaining-requests": "499",
  "x-ratelimit-remaining-tokens": "0",
  "x-ratelimit-reset-requests": "120ms",
  "x-ratelimit-reset-tokens": "840ms",
};

function azureError(ctx: MockContext, scenario: ErrorScenario): Response | null {
  // Azure fronts the same models but answers throttling and bad keys in its own shape.
  if (scenario === "rate_limit") {
    const message = "Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 1 second.";
    return errorJson(ctx, 429, { error: { code: "429", message } }, { "retry-after": "1", "x-ratelimit-remaining-tokens": "0" });
  }
  if (scenario === "auth") {
    const message = "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.";
    return errorJson(ctx, 401, { error: { code: "401", message } });
  }
  return null;
}

export const openaiProtocol: ProviderProtocol = {
  name: "openai",
  headers: (ctx) => ({ "x-request-id": `req_${ctx.requestId}`, "openai-version": "2020-10-01", "openai-processing-ms": "42" }),
  errorResponse(scenario, ctx) {
    const model = modelOf(ctx);
    const azure = ctx.route.azure ? azureError(ctx, scenario) : null;
    if (azure) return azure;
    switch (scenario) {
      case "rate_limit":
        return errorJson(
          ctx,
          429,
          openaiError(
            `Rate limit reached for ${model} in organization org-mock on tokens per min (TPM): Limit 30000, Used 29850, Requested 420. Please try again in 840ms. Visit https://platform.openai.com/account/rate-limits to learn more.`,
            "tokens",
            "rate_limit_exceeded",
          ),
          RATE_LIMIT_HEADERS,
        );
      case "context_length":
        return errorJson(
          ctx,
          400,
          openaiError(
            "This model's maximum context length is 128000 tokens. However, your messages resulted in 131072 tokens. Please reduce the length of the messages.",
            "invalid_request_error",
            "context_length_exceeded",
            "messages",
          ),
        );
      case "overloaded":
        return errorJson(
          ctx,
          503,
          openaiError(
            "That model is currently overloaded with other requests. You can retry your request, or contact us through our help center at help.openai.com if the error persists.",
            "server_error",
            null,
          ),
        );
      case "auth":
        return errorJson(
          ctx,
          401,
          openaiError(
            "Incorrect API key provided: sk-mock***********1234. You can find your API key at https://platform.openai.com/account/api-keys.",
            "invalid_request_error",
            "invalid_api_key",
          ),
        );
      case "not_found":
        return errorJson(
          ctx,
          404,
          openaiError(`The model \`${model}\` does not exist or you do not have access to it.`, "invalid_request_error", "model_not_found"),
        );
      case "server_error":
        return errorJson(ctx, 500, openaiError(SERVER_ERROR_MESSAGE, "server_error", null));
    }
  },
  invalidRequest: (message, ctx) => errorJson(ctx, 400, openaiError(message, "invalid_request_error", null)),
};

export const SERVER_ERROR_MESSAGE = "The server had an error while processing your request. Sorry about that!";

export function serverErrorEvent() {
  return openaiError(SERVER_ERROR_MESSAGE, "server_error", null);
}

/** Azure rejects a filtered prompt outright, before any generation. */
export function azureContentFilterResponse(ctx: MockContext): Response {
  const message =
    "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766";
  const result = {
    hate: { filtered: false, severity: "safe" },
    jailbreak: { filtered: false, detected: false },
    self_harm: { filtered: false, severity: "safe" },
    sexual: { filtered: false, severity: "safe" },
    violence: { filtered: true, severity: "medium" },
  };
  return errorJson(ctx, 400, {
    error: {
      message,
      type: null,
      param: "prompt",
      code: "content_filter",
      status: 400,
      innererror: { code: "ResponsibleAIPolicyViolation", content_filter_result: result },
    },
  });
}
