// The flat columns a call is filtered and aggregated by, next to its full JSON.
import { totalTokens, type LLMCall } from "@llmscope/core";
import { promptHash } from "./prompt-hash.ts";

export interface CallRow {
  id: string;
  started_at: number;
  received_at: number;
  session_id: string;
  user_id: string | null;
  department: string | null;
  feature: string | null;
  prompt_id: string | null;
  provider: string;
  model: string | null;
  operation: string | null;
  fingerprint: string;
  prompt_hash: string;
  status: number | null;
  error_kind: string | null;
  input_tokens: number | null;
  output_tokens: number | null;
  total_tokens: number | null;
  cost_usd: number | null;
  duration_ms: number | null;
  ttft_ms: number | null;
  feedback_score: number | null;
  record: string;
  response_model: string | null;
  /** 1 streamed, 0 not; null for calls stored before it was kept */
  stream: number | null;
  cached_input_tokens: number | null;
  cache_write_tokens: number | null;
}


/** promptId tag when the app names its prompts, else the recorder's fingerprint */
export function promptKeyOf(call: LLMCall): string {
  return call.tags.promptId ?? call.fingerprint;
}

export function toCallRow(call: LLMCall, receivedAt: number): CallRow {
  return {
    id: call.id,
    started_at: Math.round(call.startedAt),
    received_at: receivedAt,
    session_id: call.sessionId,
    user_id: call.tags.userId ?? null,
    department: call.tags.department ?? null,
    feature: call.tags.feature ?? null,
    prompt_id: call.tags.promptId ?? null,
    provider: call.provider,
    model: call.model ?? call.responseModel ?? null,
    operation: call.operation ?? null,
    fingerprint: call.fingerprint,
    prompt_hash: promptHash(call.prompt.text),
    status: call.status ?? null,
    error_kind: call.error?.kind ?? null,
    input_tokens: call.usage.inputTokens ?? null,
    output_tokens: call.usage.outputTokens ?? null,
    total_tokens: totalTokens(call) ?? null,
    cost_usd: call.cost?.totalUSD ?? null,
    duration_ms: call.timing.durationMs ?? null,
    ttft_ms: call.timing.ttftMs ?? null,
    feedback_score: call.feedback?.score ?? null,
    record: JSON.stringify(call),
    response_model: call.responseModel ?? null,
    stream: call.stream ? 1 : 0,
    cached_input_tokens: call.usage.cachedInputTokens ?? null,
    cache_write_tokens: call.usage.cacheWriteTokens ?? null,
  };
}
