import type { ProviderProtocol } from "../../context.ts";
import { errorJson } from "../../respond.ts";
import type { ErrorScenario } from "../../scenarios.ts";

export const OLLAMA_STREAM_ERROR = { error: "an error was encountered while running the model: unexpected EOF" };

function errorFor(scenario: ErrorScenario, model: string): { status: number; message: string } {
  switch (scenario) {
    case "rate_limit":
      return { status: 429, message: "rate limit exceeded, please try again later" };
    case "context_length":
      return { status: 400, message: "the input length exceeds the context length" };
    case "overloaded":
      return { status: 503, message: "server busy, please try again.  maximum pending requests exceeded" };
    case "auth":
      return { status: 401, message: "unauthorized" };
    case "not_found":
      return { status: 404, message: `model "${model}" not found, try pulling it first` };
    case "server_error":
      return { status: 500, message: "llama runner process has terminated: exit status 2" };
  }
}

/** Ollama's errors are a bare `{"error": "..."}`, in a body or as a stream line. */
export const ollamaProtocol: ProviderProtocol = {
  name: "ollama",
  headers: () => ({}),
  errorResponse(scenario, ctx) {
    const model = typeof ctx.body.model === "string" ? ctx.body.model : "llama3.2";
    const { status, message } = errorFor(scenario, model);
    return errorJson(ctx, status, { error: message });
  },
  invalidRequest: (message, ctx) => errorJson(ctx, 400, { error: message }),
};
