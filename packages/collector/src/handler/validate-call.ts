// Checks one incoming call against the record contract and names the first
// field that is wrong ("calls[3].usage.inputTokens must be a number").
import { ERROR_KINDS as KINDS, type LLMCall } from "@llmscope/core";

const ERROR_KINDS = new Set<string>(KINDS);
const OPERATIONS = new Set(["chat", "responses", "completion", "embeddings", "generate"]);
export const MAX_ID_CHARS = 200;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

class FieldError extends Error {}

function need(cond: boolean, path: string, what: string): void {
  if (!cond) throw new FieldError(`${path} ${what}`);
}

function str(o: Obj, key: string, path: string, required = false): void {
  const v = o[key];
  if (v === undefined && !required) return;
  need(typeof v === "string", `${path}.${key}`, "must be a string");
}

function num(o: Obj, key: string, path: string, required = false): void {
  const v = o[key];
  if (v === undefined && !required) return;
  need(typeof v === "number" && Number.isFinite(v), `${path}.${key}`, "must be a finite number");
}

function obj(o: Obj, key: string, path: string): Obj {
  const v = o[key];
  need(isObj(v), `${path}.${key}`, "must be an object");
  return v as Obj;
}

function messages(list: unknown, path: string): void {
  need(Array.isArray(list), path, "must be an array");
  (list as unknown[]).forEach((m, i) => {
    need(isObj(m), `${path}[${i}]`, "must be an object");
    str(m as Obj, "role", `${path}[${i}]`, true);
    str(m as Obj, "content", `${path}[${i}]`, true);
  });
}

/** undefined when valid; otherwise a message naming the field */
export function validateCall(value: unknown, path: string): string | undefined {
  try {
    need(isObj(value), path, "must be an object");
    const c = value as Obj;
    str(c, "id", path, true);
    need((c.id as string).length > 0 && (c.id as string).length <= MAX_ID_CHARS, `${path}.id`, `must be 1–${MAX_ID_CHARS} characters`);
    str(c, "sessionId", path, true);
    num(c, "startedAt", path, true);
    num(c, "endedAt", path);
    str(c, "provider", path, true);
    need(OPERATIONS.has(c.operation as string), `${path}.operation`, `must be one of ${[...OPERATIONS].join(", ")}`);
    for (const k of ["url", "method", "model", "responseModel", "traceparent"]) str(c, k, path);
    str(c, "fingerprint", path, true);
    num(c, "status", path);
    if (c.params !== undefined) obj(c, "params", path);
    const prompt = obj(c, "prompt", path);
    str(prompt, "text", `${path}.prompt`, true);
    str(prompt, "system", `${path}.prompt`);
    messages(prompt.messages, `${path}.prompt.messages`);
    const completion = obj(c, "completion", path);
    str(completion, "text", `${path}.completion`, true);
    if (completion.toolCalls !== undefined) need(Array.isArray(completion.toolCalls), `${path}.completion.toolCalls`, "must be an array");
    const usage = obj(c, "usage", path);
    for (const k of ["inputTokens", "outputTokens", "cachedInputTokens", "cacheWriteTokens", "reasoningTokens", "totalTokens"]) num(usage, k, `${path}.usage`);
    need(usage.source === "provider" || usage.source === "estimated", `${path}.usage.source`, 'must be "provider" or "estimated"');
    if (c.cost !== undefined) for (const k of ["inputUSD", "outputUSD", "totalUSD"]) num(obj(c, "cost", path), k, `${path}.cost`, true);
    const timing = obj(c, "timing", path);
    for (const k of ["durationMs", "ttfbMs", "ttftMs", "chunkCount"]) num(timing, k, `${path}.timing`);
    if (c.error !== undefined) {
      const e = obj(c, "error", path);
      need(ERROR_KINDS.has(e.kind as string), `${path}.error.kind`, "must be a known error kind");
      str(e, "message", `${path}.error`, true);
    }
    const tags = obj(c, "tags", path);
    for (const [k, v] of Object.entries(tags)) need(typeof v === "string", `${path}.tags.${k}`, "must be a string");
    return undefined;
  } catch (err) {
    if (err instanceof FieldError) return err.message;
    throw err;
  }
}

export function asCall(value: unknown): LLMCall {
  return value as LLMCall;
}
