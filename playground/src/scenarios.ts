// What each button asks the mock LLM for. The mock reads these headers; the
// recorder sees only ordinary provider traffic and records it as it would in production.
export interface Scenario {
  id: string;
  label: string;
  hint: string;
  /** the signal that should light up in the overlay */
  shows: string;
  headers: Record<string, string>;
  forceStream?: boolean;
}

export const SCENARIOS: Scenario[] = [
  { id: "normal", label: "Normal", hint: "A healthy call.", shows: "tokens, cost, TTFT", headers: {} },
  {
    id: "slow_first_token",
    label: "Slow first token",
    hint: "Streaming; the model thinks for a while before the first token.",
    shows: "TTFT ≫ TTFB in the waterfall",
    headers: { "x-mock-scenario": "slow_first_token" },
    forceStream: true,
  },
  {
    id: "jitter",
    label: "Jittery latency",
    hint: "Chunks arrive with large random gaps.",
    shows: "chunk-gap sparkline, jitter CV",
    headers: { "x-mock-scenario": "jitter" },
    forceStream: true,
  },
  { id: "rate_limit", label: "Rate limit (429)", hint: "The provider throttles you.", shows: "error rate_limit", headers: { "x-mock-scenario": "rate_limit" } },
  {
    id: "context_length",
    label: "Context length exceeded",
    hint: "The prompt no longer fits the model's window.",
    shows: "error context_length",
    headers: { "x-mock-scenario": "context_length" },
  },
  {
    id: "content_filter",
    label: "Content filter",
    hint: "The provider's safety system stops the answer.",
    shows: "error content_filter",
    headers: { "x-mock-scenario": "content_filter" },
  },
  { id: "refusal", label: "Refusal", hint: "The model declines to answer.", shows: "error content_filter", headers: { "x-mock-scenario": "refusal" } },
  { id: "overloaded", label: "Overloaded (503 / 529)", hint: "The provider is over capacity (OpenAI answers 503, Anthropic 529).", shows: "error overloaded", headers: { "x-mock-scenario": "overloaded" } },
  { id: "network", label: "Network failure", hint: "The connection drops before any response.", shows: "error network", headers: { "x-mock-scenario": "network" } },
  {
    id: "stream_cut",
    label: "Stream cut mid-way",
    hint: "The stream stops before its end marker.",
    shows: "partial completion, error",
    headers: { "x-mock-scenario": "stream_cut" },
    forceStream: true,
  },
];

/**
 * The silent-cost prompt change: one template (promptId "qa"), two versions.
 * The second asks for background first, and every call quietly costs ~3×.
 */
export const PROMPT_VERSIONS = {
  before: { label: "Prompt v1", system: "質問に答えて" },
  after: { label: "Prompt v2", system: "詳しく背景を説明した上で、質問に答えて" },
} as const;
