import type { MockContext, ProviderProtocol } from "../../context.ts";
import { errorJson } from "../../respond.ts";
import type { ErrorScenario } from "../../scenarios.ts";
import { modelOf } from "./request.ts";

export function googleError(code: number, status: string, message: string, details?: unknown[]) {
  return { error: { code, message, status, ...(details ? { details } : {}) } };
}

export const GEMINI_SERVER_ERROR = googleError(
  500,
  "INTERNAL",
  "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting",
);

function bodyFor(scenario: ErrorScenario, ctx: MockContext): { status: number; body: unknown } {
  switch (scenario) {
    case "rate_limit":
      return {
        status: 429,
        body: googleError(
          429,
          "RESOURCE_EXHAUSTED",
          "You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits.",
          [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "1s" }],
        ),
      };
    case "context_length":
      return { status: 400, body: googleError(400, "INVALID_ARGUMENT", "The input token count (1200000) exceeds the maximum number of tokens allowed (1048576).") };
    case "overloaded":
      return { status: 503, body: googleError(503, "UNAVAILABLE", "The model is overloaded. Please try again later.") };
    case "auth":
      // Gemini rejects a bad API key with 400 INVALID_ARGUMENT; only ErrorInfo.reason says it is the key.
      return {
        status: 400,
        body: googleError(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.", [
          { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID", domain: "googleapis.com", metadata: { service: "generativelanguage.googleapis.com" } },
        ]),
      };
    case "not_found":
      return {
        status: 404,
        body: googleError(
          404,
          "NOT_FOUND",
          `models/${modelOf(ctx)} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`,
        ),
      };
    case "server_error":
      return { status: 500, body: GEMINI_SERVER_ERROR };
  }
}

export const geminiProtocol: ProviderProtocol = {
  name: "google",
  headers: () => ({ server: "scaffolding on HTTPServer2", vary: "Origin, X-Origin, Referer" }),
  errorResponse(scenario, ctx) {
    const { status, body } = bodyFor(scenario, ctx);
    return errorJson(ctx, status, body);
  },
  invalidRequest: (message, ctx) => errorJson(ctx, 400, googleError(400, "INVALID_ARGUMENT", message)),
};
