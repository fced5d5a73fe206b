// The organisation the realistic traffic model describes: departments in
// three regions, each running a few features, each feature a pipeline of
// LLM steps (embed → rerank → answer), on models from three providers.
// Written from how organisations use LLMs, not from the simpler generator
// beside it, so the detector is judged on assumptions it was not built on.

export type Region = "eu" | "us" | "apac";

/** hours added to UTC for a region's office clock */
export const REGION_OFFSET: Record<Region, number> = { eu: 1, us: -5, apac: 8 };

export interface Step {
  /** the promptId the app tags this step with */
  promptId: string;
  operation: "chat" | "embeddings";
  /** "preferred": the person's own choice among the feature's models */
  model: string | "preferred";
  /** median input tokens, and how much of it is a cached prefix (system prompt, tools) */
  inputTokens: number;
  cachedPrefix: number;
  outputTokens: number;
  /** probability the step streams (chat UIs do, batch jobs do not) */
  streamShare: number;
  /** probability of a huge input (a whole contract, a long log pasted in) */
  hugeInputShare: number;
}

export interface Feature {
  name: string;
  steps: Step[];
  /** the models people choose among for "preferred" steps, most popular first */
  models: string[];
  /** uses of the feature per active hour of a typical person */
  usesPerHour: number;
}

export interface Department {
  name: string;
  region: Region;
  people: number;
  features: Feature[];
}

const chat = (feature: string, input: number, output: number, extra: Partial<Step> = {}): Step => ({
  promptId: `${feature}.answer`, operation: "chat", model: "preferred", inputTokens: input, cachedPrefix: Math.round(input * 0.6),
  outputTokens: output, streamShare: 0.9, hugeInputShare: 0.002, ...extra,
});
const embed = (feature: string): Step => ({
  promptId: `${feature}.embed`, operation: "embeddings", model: "text-embedding-3-small", inputTokens: 60, cachedPrefix: 0,
  outputTokens: 0, streamShare: 0, hugeInputShare: 0,
});
const rerank = (feature: string): Step => ({
  promptId: `${feature}.rerank`, operation: "chat", model: "gpt-4o-mini", inputTokens: 3000, cachedPrefix: 400,
  outputTokens: 40, streamShare: 0, hugeInputShare: 0,
});

const feature = (name: string, usesPerHour: number, models: string[], steps: Step[]): Feature => ({ name, usesPerHour, models, steps });

export const DEPARTMENTS: Department[] = [
  {
    name: "support", region: "eu", people: 45,
    features: [
      feature("assist", 1.2, ["gpt-4o", "claude-sonnet-4-5"], [embed("assist"), rerank("assist"), chat("assist", 2600, 320)]),
      feature("ticket-summary", 0.6, ["gpt-4o-mini"], [{ ...chat("ticket-summary", 1800, 180), model: "gpt-4o-mini", streamShare: 0.1 }]),
    ],
  },
  {
    name: "engineering", region: "us", people: 60,
    features: [
      feature("code-chat", 0.9, ["claude-sonnet-4-5", "gpt-4.1", "gpt-4o"], [chat("code-chat", 5200, 650, { hugeInputShare: 0.005 })]),
      feature("code-review", 0.25, ["gpt-4.1"], [{ ...chat("code-review", 9000, 900), model: "gpt-4.1", streamShare: 0, hugeInputShare: 0.01 }]),
    ],
  },
  {
    name: "sales", region: "us", people: 25,
    features: [feature("email-draft", 0.8, ["gpt-4o-mini", "claude-haiku-4-5"], [chat("email-draft", 900, 380)])],
  },
  {
    name: "legal", region: "eu", people: 8,
    features: [
      feature("contract-qa", 0.5, ["claude-opus-4-1", "claude-sonnet-4-5"], [embed("contract-qa"), rerank("contract-qa"), chat("contract-qa", 12000, 700, { hugeInputShare: 0.02 })]),
    ],
  },
  {
    name: "marketing", region: "apac", people: 18,
    features: [feature("campaign-copy", 0.7, ["gpt-4o", "gemini-2.5-flash"], [chat("campaign-copy", 1400, 500)])],
  },
  {
    name: "finance", region: "eu", people: 10,
    features: [feature("report-notes", 0.4, ["gemini-2.5-flash", "gpt-4o-mini"], [{ ...chat("report-notes", 7000, 450), streamShare: 0.3 }])],
  },
];

/** the departments onboarding incidents bring in, in turn: new people on the support tools */
export const ONBOARDING_NAMES = ["customer-success", "operations", "procurement", "research", "people-ops"];
export const onboardingDepartment = (name: string): Department => ({ name, region: "apac", people: 30, features: DEPARTMENTS[0]!.features });

export const MODEL_PROVIDER: Record<string, string> = {
  "gpt-4o": "openai", "gpt-4o-mini": "openai", "gpt-4.1": "openai", "text-embedding-3-small": "openai",
  "claude-sonnet-4-5": "anthropic", "claude-haiku-4-5": "anthropic", "claude-opus-4-1": "anthropic",
  "gemini-2.5-flash": "google",
};

/** the snapshot each requested alias is served by on an ordinary day */
export const SERVED_SNAPSHOT: Record<string, string> = {
  "gpt-4o": "gpt-4o-2024-08-06", "gpt-4o-mini": "gpt-4o-mini-2024-07-18", "gpt-4.1": "gpt-4.1-2025-04-14",
  "text-embedding-3-small": "text-embedding-3-small", "claude-sonnet-4-5": "claude-sonnet-4-5-20250929",
  "claude-haiku-4-5": "claude-haiku-4-5-20251001", "claude-opus-4-1": "claude-opus-4-1-20250805", "gemini-2.5-flash": "gemini-2.5-flash-001",
};

/** output tokens per second while streaming, and the usual time to the first token, per provider */
export const PROVIDER_SPEED: Record<string, { tokensPerSecond: number; firstTokenMs: number }> = {
  openai: { tokensPerSecond: 70, firstTokenMs: 450 },
  anthropic: { tokensPerSecond: 55, firstTokenMs: 700 },
  google: { tokensPerSecond: 110, firstTokenMs: 380 },
};

export const BACKGROUND_ERROR_RATE = 0.006;
export const BACKGROUND_ERROR_KINDS = ["rate_limit", "overloaded", "server", "timeout"] as const;
