// The shapes the collector's read endpoints answer with (see the collector README).
import type { LLMCall } from "@llmscope/core";

export interface CallPage {
  calls: LLMCall[];
  cursor?: string;
}

export interface CallSummary {
  id: string;
  startedAt: number;
  userId?: string;
  feature?: string;
  model?: string;
  totalTokens?: number;
  costUSD?: number;
  errorKind?: string;
  match: "fingerprint" | "prompt";
}

export interface SimilarCalls {
  callId: string;
  fingerprint: string;
  promptHash: string;
  window: { from: number; to: number };
  total: number;
  sameFingerprint: number;
  samePromptOnly: number;
  byUser: { userId: string; calls: number }[];
  byFeature: { feature: string; calls: number }[];
  calls: CallSummary[];
}

export interface StatsRow {
  period: string;
  key: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costUSD: number;
  errors: number;
  errorsByKind: Record<string, number>;
  latencyP50Ms?: number;
  latencyP95Ms?: number;
  ttftP50Ms?: number;
  ttftP95Ms?: number;
}

export interface StatsAnswer {
  groupBy: string;
  period: string;
  rows: StatsRow[];
}

export interface AlertRecord {
  id: string;
  kind: string;
  subject: string;
  value: number;
  baseline: number;
  threshold: number;
  message: string;
  evidence: string[];
  firedAt: number;
}
