// Checks one incoming trace against the record contract and names the first
// field that is wrong ("traces[2].steps[4].kind must be one of …"), as calls are checked.
import type { Trace } from "@llmscope/core";
import { insaneTime } from "../shared/sane-time.ts";
import { fail, FieldError, isCleanName, isObj, need, type Obj } from "../handler/field-shape.ts";

const STEP_KINDS = new Set(["llm", "retrieval", "tool", "preprocess", "http", "agent", "custom"]);
const MAX_ID_CHARS = 200;
/** the recorder caps steps per trace well below this; more is not a trace it made */
export const MAX_STEPS_PER_TRACE = 10_000;

const finite = (v: unknown) => typeof v === "number" && Number.isFinite(v);

/** ids and names key rows and filters: no NUL or unpaired surrogates (PostgreSQL text refuses them) */
function id(o: Obj, key: string, path: string): void {
  const v = o[key];
  if (!(typeof v === "string" && v.length > 0 && v.length <= MAX_ID_CHARS)) fail(`${path}.${key}`, `must be a string of 1–${MAX_ID_CHARS} characters`);
  if (!isCleanName(v as string)) fail(`${path}.${key}`, "must not contain NUL or unpaired surrogates");
}
function name(o: Obj, key: string, path: string): void {
  if (!(typeof o[key] === "string" && (o[key] as string).length <= 1000 && isCleanName(o[key] as string))) fail(`${path}.${key}`, "must be a string of at most 1,000 characters without NUL or unpaired surrogates");
}
function optional(o: Obj, key: string, path: string, check: (v: unknown) => boolean, what: string): void {
  if (o[key] !== undefined && !check(o[key])) fail(`${path}.${key}`, what);
}
function error(o: Obj, path: string): void {
  if (o.error === undefined) return;
  if (!(isObj(o.error) && typeof o.error.kind === "string" && typeof o.error.message === "string")) fail(`${path}.error`, "must be { kind, message } strings");
}

function step(s: unknown, path: string): void {
  need(isObj(s), path, "must be an object");
  const o = s as Obj;
  id(o, "id", path);
  name(o, "name", path);
  if (!STEP_KINDS.has(o.kind as string)) fail(`${path}.kind`, `must be one of ${[...STEP_KINDS].join(", ")}`);
  if (!finite(o.startedAt)) fail(`${path}.startedAt`, "must be epoch ms");
  optional(o, "durationMs", path, (v) => finite(v) && (v as number) >= 0, "must be a duration in ms");
  optional(o, "parentId", path, (v) => typeof v === "string", "must be a string");
  optional(o, "attributes", path, (v) => isObj(v) && Object.values(v).every((a) => ["string", "number", "boolean"].includes(typeof a)), "must map names to strings, numbers or booleans");
  error(o, path);
}

/** undefined when valid; otherwise a message naming the field */
export function validateTrace(value: unknown, path: string, now = Date.now()): string | undefined {
  try {
    need(isObj(value), path, "must be an object");
    const t = value as Obj;
    id(t, "id", path);
    name(t, "name", path);
    name(t, "sessionId", path);
    if (!finite(t.startedAt)) fail(`${path}.startedAt`, "must be epoch ms");
    const wrongTime = insaneTime(t.startedAt as number, now);
    if (wrongTime) need(false, `${path}.startedAt`, wrongTime);
    optional(t, "durationMs", path, (v) => finite(v) && (v as number) >= 0, "must be a duration in ms");
    if (!(isObj(t.tags) && Object.entries(t.tags).every(([k, v]) => typeof v === "string" && isCleanName(k) && isCleanName(v)))) fail(`${path}.tags`, "must map names to strings, without NUL or unpaired surrogates");
    if (!Array.isArray(t.steps)) fail(`${path}.steps`, "must be an array");
    const steps = t.steps as unknown[];
    if (steps.length > MAX_STEPS_PER_TRACE) fail(`${path}.steps`, `has ${steps.length} items; at most ${MAX_STEPS_PER_TRACE}`);
    steps.forEach((s, i) => step(s, `${path}.steps[${i}]`));
    optional(t, "callIds", path, (v) => Array.isArray(v) && v.every((c) => typeof c === "string"), "must be an array of call ids");
    optional(t, "parentSpanId", path, (v) => typeof v === "string", "must be a string");
    if (t.summary !== undefined) {
      if (!isObj(t.summary)) fail(`${path}.summary`, "must be an object");
      const s = t.summary as Obj;
      for (const k of ["calls", "inputTokens", "outputTokens", "costUSD", "errors", "llmMs", "retrievalMs", "toolMs", "preprocessMs", "httpMs", "selfMs"]) {
        if (!(finite(s[k]) && (s[k] as number) >= 0)) fail(`${path}.summary.${k}`, "must be a number ≥ 0");
      }
      optional(s, "firstTokenMs", `${path}.summary`, finite, "must be a number");
    }
    error(t, path);
    return undefined;
  } catch (err) {
    if (err instanceof FieldError) return err.message;
    throw err;
  }
}

export function asTrace(value: unknown): Trace {
  return value as Trace;
}
