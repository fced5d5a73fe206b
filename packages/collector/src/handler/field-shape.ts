// Field checks shared by every ingest path (calls, feedback, traces): each
// throws a FieldError naming the field, which the envelope turns into a 400.
import { insaneTime } from "../shared/sane-time.ts";
import { hasLoneSurrogate } from "../shared/well-formed.ts";

export class FieldError extends Error {}

export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

export function need(cond: boolean, path: string, what: string): void {
  if (!cond) throw new FieldError(`${path} ${what}`);
}

/** need's failing half: checks that run per field of every stored call and step write `if (!ok) fail(…)`, so the field's path and the message are built only when it is wrong */
export function fail(path: string, what: string): never {
  throw new FieldError(`${path} ${what}`);
}

/** an optional (or required) string of at most maxChars, without NUL or lone surrogates when it names something */
export function str(o: Obj, key: string, path: string, opts: { required?: boolean; maxChars?: number; name?: boolean } = {}): void {
  const v = o[key];
  if (v === undefined && !opts.required) return;
  if (typeof v !== "string") fail(`${path}.${key}`, "must be a string");
  const s = v as string;
  if (opts.maxChars !== undefined && s.length > opts.maxChars) fail(`${path}.${key}`, `must be at most ${opts.maxChars} characters (it has ${s.length})`);
  if (opts.name && !isCleanName(s)) fail(`${path}.${key}`, "must not contain NUL or unpaired surrogates");
}

export const isCleanName = (s: string): boolean => !s.includes("\u0000") && !hasLoneSurrogate(s);

/** an optional number in [min, max]; integers only when asked */
export function num(o: Obj, key: string, path: string, opts: { required?: boolean; min?: number; max?: number; integer?: boolean } = {}): void {
  const v = o[key];
  if (v === undefined && !opts.required) return;
  if (typeof v !== "number" || !Number.isFinite(v)) fail(`${path}.${key}`, "must be a finite number");
  const n = v as number;
  const { min = -Infinity, max = Infinity } = opts;
  if (!(n >= min && n <= max)) fail(`${path}.${key}`, `must be from ${min} to ${max}`);
  if (opts.integer && !Number.isInteger(n)) fail(`${path}.${key}`, "must be a whole number");
}

/** an epoch-ms instant inside the collector's sane window */
export function instant(o: Obj, key: string, path: string, now: number, required = false): void {
  num(o, key, path, { required });
  const v = o[key];
  if (typeof v === "number") {
    const wrong = insaneTime(v, now);
    if (wrong) throw new FieldError(`${path}.${key} ${wrong}`);
  }
}

export function obj(o: Obj, key: string, path: string): Obj {
  const v = o[key];
  if (!isObj(v)) fail(`${path}.${key}`, "must be an object");
  return v as Obj;
}

/** a JSON value no deeper than maxDepth and no larger than maxChars once serialized */
export function boundedJson(v: unknown, path: string, maxDepth: number, maxChars: number): void {
  const depth = (x: unknown, d: number): void => {
    if (d > maxDepth) fail(path, `is nested deeper than ${maxDepth} levels`);
    if (typeof x === "object" && x !== null) for (const child of Object.values(x)) depth(child, d + 1);
  };
  depth(v, 1);
  const size = JSON.stringify(v)?.length ?? 0;
  if (size > maxChars) fail(path, `is ${size} characters as JSON; at most ${maxChars}`);
}
