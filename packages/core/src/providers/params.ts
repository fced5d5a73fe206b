// Request parameters worth seeing beside a call, read from a compact spec so
// each adapter lists its vocabulary in one line.
import { obj, type Obj } from "./read.ts";

/**
 * `spec` is space-separated `path[=name]`: a dotted path into `src`, recorded
 * under `name` or the camelCased last segment. The first value found for a
 * name wins (e.g. max_tokens before max_completion_tokens). Tool lists are
 * recorded as a count and `{type}` objects as their type, to keep records small.
 */
export const pickParams = (src: unknown, spec: string, into: Obj = {}): Obj => {
  for (const entry of spec.split(" ")) {
    const [path = "", name] = entry.split("=");
    let v: unknown = src;
    for (const k of path.split(".")) v = obj(v)[k];
    if (v == null) continue;
    const key = name ?? path.split(".").pop()!.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());
    if (into[key] === undefined)
      into[key] = Array.isArray(v) ? (key === "tools" ? v.length : v) : typeof obj(v).type === "string" ? obj(v).type : v;
  }
  return into;
};
