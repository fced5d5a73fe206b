// The shape of the generated traffic: who calls which prompt on which model,
// how big prompts and answers are, how slow each model is, and when in the
// day and week people work. Numbers are plausible, not measured.
export interface PromptProfile {
  promptId: string;
  feature: string;
  department: string;
  model: string;
  /** share of the traffic, relative */
  weight: number;
  inputTokens: number;
  outputTokens: number;
}

export const MODEL_PROVIDER: Record<string, string> = {
  "gpt-4o-mini": "openai",
  "gpt-4.1-mini": "openai",
  "gpt-4.1": "openai",
  "claude-haiku-4-5": "anthropic",
  "claude-sonnet-4": "anthropic",
  "claude-opus-4-1": "anthropic",
};

/** ms per output token while streaming, and the usual time to first token */
export const MODEL_SPEED: Record<string, { msPerToken: number; ttftMs: number }> = {
  "gpt-4o-mini": { msPerToken: 6, ttftMs: 350 },
  "gpt-4.1-mini": { msPerToken: 8, ttftMs: 420 },
  "gpt-4.1": { msPerToken: 14, ttftMs: 600 },
  "claude-haiku-4-5": { msPerToken: 7, ttftMs: 400 },
  "claude-sonnet-4": { msPerToken: 16, ttftMs: 800 },
  "claude-opus-4-1": { msPerToken: 30, ttftMs: 1200 },
};

export const PROMPTS: PromptProfile[] = [
  { promptId: "support-answer", feature: "chat", department: "support", model: "gpt-4o-mini", weight: 3, inputTokens: 150, outputTokens: 180 },
  { promptId: "support-followup", feature: "chat", department: "support", model: "claude-haiku-4-5", weight: 2, inputTokens: 300, outputTokens: 120 },
  { promptId: "triage-classify", feature: "triage", department: "support", model: "gpt-4o-mini", weight: 2, inputTokens: 400, outputTokens: 20 },
  { promptId: "triage-route", feature: "triage", department: "support", model: "claude-haiku-4-5", weight: 1, inputTokens: 250, outputTokens: 40 },
  { promptId: "email-draft", feature: "email", department: "sales", model: "gpt-4.1-mini", weight: 1.5, inputTokens: 350, outputTokens: 400 },
  { promptId: "email-polish", feature: "email", department: "sales", model: "claude-haiku-4-5", weight: 1, inputTokens: 500, outputTokens: 350 },
  { promptId: "lead-summary", feature: "leads", department: "sales", model: "gpt-4o-mini", weight: 1, inputTokens: 900, outputTokens: 200 },
  { promptId: "contract-review", feature: "contracts", department: "legal", model: "claude-sonnet-4", weight: 0.8, inputTokens: 3000, outputTokens: 600 },
  { promptId: "contract-clauses", feature: "contracts", department: "legal", model: "gpt-4.1-mini", weight: 0.7, inputTokens: 1500, outputTokens: 300 },
];

/** users per department; user ids are `${department}-${n}` */
export const USERS_PER_DEPARTMENT: Record<string, number> = { support: 20, sales: 12, legal: 8 };

/** share of a working day's calls in each UTC hour (sums to 1) */
export const HOUR_SHARE: number[] = (() => {
  const raw = Array.from({ length: 24 }, (_, h) => 0.15 + Math.exp(-((h - 11) ** 2) / 8) + 0.8 * Math.exp(-((h - 15) ** 2) / 6));
  const sum = raw.reduce((a, b) => a + b, 0);
  return raw.map((v) => v / sum);
})();

/** Monday … Sunday, relative to a working day */
export const WEEKDAY_FACTOR = [1, 1.05, 1, 0.95, 0.9, 0.35, 0.3];

/** the usual errors, a small fraction of calls */
export const BACKGROUND_ERRORS = { rate: 0.01, kinds: ["rate_limit", "server", "timeout", "overloaded"] as const };
