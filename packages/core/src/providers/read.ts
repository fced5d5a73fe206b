// Defensive readers: bodies are whatever JSON an app, SDK or proxy sent, so
// every field is checked before use and odd shapes read as empty, never throw.
import type { ProviderError } from "./types.ts";

// biome-ignore lint: bodies are untyped JSON by nature
export type Obj = Record<string, any>;

export const obj = (v: unknown): Obj => (v && typeof v === "object" ? (v as Obj) : {});
export const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
export const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
/** a finite number (Number.isFinite never converts: a numeric string is no number) */
export const num = (v: unknown): number | undefined => (Number.isFinite(v) ? (v as number) : undefined);

/** the value at a dotted path such as `thinking.budget_tokens` (or its keys, split once); undefined when a step is missing */
export const at = (v: unknown, path: string | readonly string[]): unknown => {
  for (const k of typeof path === "string" ? path.split(".") : path) v = obj(v)[k];
  return v;
};

/**
 * the object without its undefined fields, so records stay small and compare
 * cleanly: a copy, since deleting a field other than the last one added turns
 * an object into a slow dictionary (larger, slower to read and serialise)
 */
export const clean = <T extends object>(o: T): T => {
  const kept = {} as T;
  for (const k in o) if (o[k] !== undefined) kept[k] = o[k];
  return kept;
};

/** tool arguments as the string the model produced (some protocols send an object) */
export const args = (v: unknown): string => (typeof v === "string" ? v : (JSON.stringify(v) ?? ""));

/**
 * The `error` member most providers use: OpenAI/Azure `{message,type,code}`,
 * Anthropic `{type,message}`, Gemini `{code,message,status}` (the status names
 * the kind, the numeric code only repeats the HTTP status), Ollama a string.
 */
export const errorOf = (d: Obj): ProviderError | undefined => {
  const e = d.error;
  if (typeof e === "string") return { message: e };
  if (!e || typeof e !== "object") return undefined;
  return clean({ code: str(e.status) ?? str(e.code) ?? num(e.code)?.toString(), type: str(e.type), message: str(e.message) ?? "" });
};
