// Checks one incoming call against the record contract and names the first
// field that is wrong ("calls[3].usage.inputTokens must be a number"). Sizes
// and shapes are bounded here, not only types: a field no store can hold (a
// 900 KB model, params nested a thousand deep, a timestamp in the year
// 287,000, a NUL in an id) is the client's mistake and gets a 400 naming it.
import { ERROR_KINDS as KINDS, promptTextOf, type LLMCall, type Prompt } from "@llmscope/core";
import { boundedJson, fail, FieldError, instant, isCleanName, isObj, need, num, obj, str, type Obj } from "./field-shape.ts";

const ERROR_KINDS = new Set<string>(KINDS);
const OPERATIONS = new Set(["chat", "responses", "completion", "embeddings", "generate"]);
export const MAX_ID_CHARS = 200;
/** names: provider, model, method, finish reason, tag keys, error codes */
export const MAX_NAME_CHARS = 256;
export const MAX_URL_CHARS = 8192;
export const MAX_PARAMS_CHARS = 64 * 1024;
export const MAX_PARAMS_DEPTH = 8;
const MAX_TOKENS = 1e10;
const MAX_COST_USD = 1e6;
const MAX_MS = 1e10;

function messages(list: unknown, path: string): void {
  need(Array.isArray(list), path, "must be an array");
  (list as unknown[]).forEach((m, i) => {
    if (!isObj(m)) fail(`${path}[${i}]`, "must be an object");
    str(m as Obj, "role", `${path}[${i}]`, { required: true, maxChars: MAX_NAME_CHARS });
    str(m as Obj, "content", `${path}[${i}]`, { required: true });
  });
}

function toolCalls(list: unknown, path: string): void {
  need(Array.isArray(list), path, "must be an array");
  (list as unknown[]).forEach((t, i) => {
    if (!isObj(t)) fail(`${path}[${i}]`, "must be an object with name and arguments");
    str(t as Obj, "name", `${path}[${i}]`, { required: true, maxChars: MAX_NAME_CHARS });
    str(t as Obj, "arguments", `${path}[${i}]`, { required: true });
  });
}

/** the record fields a call may leave out, rebuilt here; every answer lists them (REBUILDS_HEADER) */
export const REBUILT_FIELDS = "prompt.text";

/** undefined when valid, a left-out prompt.text rebuilt; otherwise a message naming the field */
export function validateCall(value: unknown, path: string, now = Date.now()): string | undefined {
  try {
    need(isObj(value), path, "must be an object");
    const c = value as Obj;
    str(c, "id", path, { required: true, name: true });
    if (!((c.id as string).length > 0 && (c.id as string).length <= MAX_ID_CHARS)) fail(`${path}.id`, `must be 1–${MAX_ID_CHARS} characters`);
    str(c, "sessionId", path, { required: true, maxChars: MAX_ID_CHARS, name: true });
    instant(c, "startedAt", path, now, true);
    instant(c, "endedAt", path, now);
    str(c, "provider", path, { required: true, maxChars: MAX_NAME_CHARS, name: true });
    if (!OPERATIONS.has(c.operation as string)) fail(`${path}.operation`, `must be one of ${[...OPERATIONS].join(", ")}`);
    str(c, "url", path, { maxChars: MAX_URL_CHARS });
    for (const k of ["method", "model", "responseModel", "traceparent", "traceId", "parentId"]) str(c, k, path, { maxChars: MAX_NAME_CHARS, name: true });
    str(c, "fingerprint", path, { required: true, maxChars: MAX_NAME_CHARS, name: true });
    num(c, "status", path, { min: 0, max: 999, integer: true });
    if (c.params !== undefined) boundedJson(obj(c, "params", path), `${path}.params`, MAX_PARAMS_DEPTH, MAX_PARAMS_CHARS);
    const prompt = obj(c, "prompt", path);
    str(prompt, "text", `${path}.prompt`);
    str(prompt, "system", `${path}.prompt`);
    messages(prompt.messages, `${path}.prompt.messages`);
    // left out by a beacon told that this collector rebuilds it (REBUILT_FIELDS): rebuilt as the recorder built it
    if (prompt.text === undefined) prompt.text = promptTextOf(prompt as unknown as Prompt);
    const completion = obj(c, "completion", path);
    str(completion, "text", `${path}.completion`, { required: true });
    str(completion, "finishReason", `${path}.completion`, { maxChars: MAX_NAME_CHARS });
    if (completion.toolCalls !== undefined) toolCalls(completion.toolCalls, `${path}.completion.toolCalls`);
    const usage = obj(c, "usage", path);
    for (const k of ["inputTokens", "outputTokens", "cachedInputTokens", "cacheWriteTokens", "reasoningTokens", "totalTokens"]) num(usage, k, `${path}.usage`, { min: 0, max: MAX_TOKENS });
    if (usage.source !== "provider" && usage.source !== "estimated") fail(`${path}.usage.source`, 'must be "provider" or "estimated"');
    if (c.cost !== undefined) {
      const cost = obj(c, "cost", path);
      for (const k of ["inputUSD", "outputUSD", "totalUSD"]) num(cost, k, `${path}.cost`, { required: true, min: 0, max: MAX_COST_USD });
      num(cost, "cachedInputUSD", `${path}.cost`, { min: 0, max: MAX_COST_USD });
    }
    const timing = obj(c, "timing", path);
    for (const k of ["durationMs", "ttfbMs", "ttftMs", "chunkCount"]) num(timing, k, `${path}.timing`, { min: 0, max: MAX_MS });
    if (c.error !== undefined) {
      const e = obj(c, "error", path);
      if (!ERROR_KINDS.has(e.kind as string)) fail(`${path}.error.kind`, "must be a known error kind");
      str(e, "message", `${path}.error`, { required: true });
      str(e, "code", `${path}.error`, { maxChars: MAX_NAME_CHARS });
    }
    const tags = obj(c, "tags", path);
    for (const [k, v] of Object.entries(tags)) {
      if (!(k.length <= MAX_NAME_CHARS && isCleanName(k))) fail(`${path}.tags`, `keys must be at most ${MAX_NAME_CHARS} characters, without NUL or unpaired surrogates`);
      if (typeof v !== "string") fail(`${path}.tags.${k}`, "must be a string");
    }
    return undefined;
  } catch (err) {
    if (err instanceof FieldError) return err.message;
    throw err;
  }
}

export function asCall(value: unknown): LLMCall {
  return value as LLMCall;
}
