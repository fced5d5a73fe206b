// The two envelopes from @llmscope/core's beacon sink. A bad call does not
// cost its batch: the good calls are stored and the bad ones are listed, each
// with the field that is wrong, in the 400 that answers the batch.
import type { FeedbackItem, LLMCall, Trace } from "@llmscope/core";
import { HttpError } from "./responses.ts";
import { isCleanName } from "./field-shape.ts";
import { MAX_ID_CHARS, validateCall } from "./validate-call.ts";
import { insaneTime } from "../shared/sane-time.ts";
import { validateTrace } from "../traces/validate-trace.ts";

export interface RejectedCall {
  index: number;
  id?: string;
  error: string;
}

export interface ParsedCalls {
  /** the valid calls, in order */
  calls: LLMCall[];
  /** the calls refused, each with the field that is wrong */
  rejected: RejectedCall[];
  /** the valid finished traces; empty when the envelope has none */
  traces: Trace[];
  /** the traces refused, each with the field that is wrong */
  rejectedTraces: RejectedCall[];
  writeKey?: string;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, "body is not valid JSON");
  }
}

export function writeKeyOf(body: unknown): string | undefined {
  const k = (body as { writeKey?: unknown } | null)?.writeKey;
  return typeof k === "string" ? k : undefined;
}

export function validateCallsEnvelope(body: unknown, maxCalls: number, now = Date.now()): ParsedCalls {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new HttpError(400, "body must be a JSON object");
  const env = body as Record<string, unknown>;
  if (env.v !== 1) throw new HttpError(400, "v must be 1 (the envelope version this server reads)");
  if (!Array.isArray(env.calls)) throw new HttpError(400, "calls must be an array");
  if (env.calls.length > maxCalls) throw new HttpError(400, `calls has ${env.calls.length} items; at most ${maxCalls} per batch`);
  const calls: LLMCall[] = [];
  const rejected: RejectedCall[] = [];
  env.calls.forEach((c, i) => {
    const error = validateCall(c, `calls[${i}]`, now);
    if (!error) return void calls.push(c as LLMCall);
    const id = (c as { id?: unknown } | null)?.id;
    rejected.push({ index: i, ...(typeof id === "string" ? { id: id.slice(0, 200) } : {}), error });
  });
  if (env.traces !== undefined && !Array.isArray(env.traces)) throw new HttpError(400, "traces must be an array");
  const traces = (env.traces ?? []) as unknown[];
  if (traces.length > maxCalls) throw new HttpError(400, `traces has ${traces.length} items; at most ${maxCalls} per batch`);
  const good: Trace[] = [];
  const rejectedTraces: RejectedCall[] = [];
  traces.forEach((t, i) => {
    const error = validateTrace(t, `traces[${i}]`, now);
    if (!error) return void good.push(t as Trace);
    const id = (t as { id?: unknown } | null)?.id;
    rejectedTraces.push({ index: i, ...(typeof id === "string" ? { id: id.slice(0, 200) } : {}), error });
  });
  const parsed: ParsedCalls = { calls, rejected, traces: good, rejectedTraces };
  const key = writeKeyOf(env);
  if (key !== undefined) parsed.writeKey = key;
  return parsed;
}

/** a FeedbackEnvelope, or a single { callId, score, comment? } */
export function validateFeedback(body: unknown, now: number): FeedbackItem[] {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new HttpError(400, "body must be a JSON object");
  const env = body as Record<string, unknown>;
  const list = Array.isArray(env.feedback) ? env.feedback : "callId" in env ? [env] : undefined;
  if (!list) throw new HttpError(400, "feedback must be an array (or send one { callId, score })");
  return list.map((item, i) => {
    const path = Array.isArray(env.feedback) ? `feedback[${i}]` : "body";
    const f = item as Record<string, unknown>;
    if (typeof f !== "object" || f === null) throw new HttpError(400, `${path} must be an object`);
    if (typeof f.callId !== "string" || !f.callId) throw new HttpError(400, `${path}.callId must be a non-empty string`);
    if (f.score !== 1 && f.score !== -1) throw new HttpError(400, `${path}.score must be 1 or -1`);
    if (f.comment !== undefined && typeof f.comment !== "string") throw new HttpError(400, `${path}.comment must be a string`);
    if (f.at !== undefined && (typeof f.at !== "number" || !Number.isFinite(f.at))) throw new HttpError(400, `${path}.at must be epoch ms`);
    const wrongTime = f.at === undefined ? undefined : insaneTime(f.at as number, now);
    if (wrongTime) throw new HttpError(400, `${path}.at ${wrongTime}`);
    if (f.callId.length > MAX_ID_CHARS || !isCleanName(f.callId)) throw new HttpError(400, `${path}.callId must be at most ${MAX_ID_CHARS} characters, without NUL or unpaired surrogates`);
    const out: FeedbackItem = { callId: f.callId, score: f.score, at: (f.at as number | undefined) ?? now };
    if (f.comment !== undefined) out.comment = (f.comment as string).slice(0, 4096);
    return out;
  });
}
