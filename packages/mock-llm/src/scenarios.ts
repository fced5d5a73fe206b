/** Every behaviour the mock can be asked for, per request or as a server default. */
export const SCENARIOS = [
  { id: "normal", label: "Normal", description: "A deterministic answer with realistic usage." },
  { id: "slow_first_token", label: "Slow first token", description: "A long wait before the first chunk (600 ms unless overridden)." },
  { id: "jitter", label: "Jittery stream", description: "Uneven gaps between chunks (15 ms ± 40 ms unless overridden)." },
  { id: "rate_limit", label: "Rate limit", description: "429 with the provider's rate-limit body and retry headers." },
  { id: "context_length", label: "Context too long", description: "400: the prompt exceeds the model's context window." },
  { id: "content_filter", label: "Content filter", description: "Output stopped by the safety filter (Azure: a 400 on the prompt)." },
  { id: "refusal", label: "Refusal", description: "The model declines to answer." },
  { id: "overloaded", label: "Overloaded", description: "The provider is overloaded (Anthropic 529, others 503)." },
  { id: "auth", label: "Bad API key", description: "The provider rejects the credentials." },
  { id: "server_error", label: "Server error", description: "A generic 500 with the provider's body." },
  { id: "network", label: "Network failure", description: "The connection drops before any response." },
  { id: "stream_cut", label: "Stream cut", description: "Some chunks arrive, then the body fails without its terminator." },
  { id: "stream_error", label: "Mid-stream error", description: "Some chunks arrive, then the provider's in-stream error event." },
  { id: "blocked", label: "Prompt blocked", description: "The prompt itself is blocked (Gemini promptFeedback)." },
  { id: "tool_call", label: "Tool call", description: "The model calls a tool (the request's first tool, or get_weather)." },
  { id: "not_found", label: "Model not found", description: "404: the model does not exist." },
] as const;

export type ScenarioId = (typeof SCENARIOS)[number]["id"];

const ids: ReadonlySet<string> = new Set(SCENARIOS.map((s) => s.id));

export function isScenarioId(value: string): value is ScenarioId {
  return ids.has(value);
}

/** Scenarios answered with an HTTP error before any generation happens. */
export type ErrorScenario = "rate_limit" | "context_length" | "overloaded" | "auth" | "server_error" | "not_found";

const errorScenarios: ReadonlySet<ScenarioId> = new Set<ScenarioId>([
  "rate_limit",
  "context_length",
  "overloaded",
  "auth",
  "server_error",
  "not_found",
]);

export function isErrorScenario(id: ScenarioId): id is ErrorScenario {
  return errorScenarios.has(id);
}
