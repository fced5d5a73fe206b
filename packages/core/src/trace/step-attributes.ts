// Step attributes stay small: a trace may hold hundreds of steps and travels
// in one beacon. Longer values are cut, extra keys left out; both counted.
import type { StepAttributes } from "./types.ts";

export const MAX_ATTRIBUTES = 32;
export const MAX_ATTRIBUTE_CHARS = 1024;

/** into `into`, within the caps; returns how many values were cut or left out */
export function addAttributes(into: StepAttributes, given: StepAttributes | undefined): number {
  let cut = 0;
  let count = Object.keys(into).length;
  for (const key in given) {
    let value = given[key]!;
    const kind = typeof value;
    if (kind !== "string" && kind !== "number" && kind !== "boolean") {
      cut++;
      continue;
    }
    if (!(key in into) && count++ >= MAX_ATTRIBUTES) {
      cut++;
      continue;
    }
    if (kind === "string" && (value as string).length > MAX_ATTRIBUTE_CHARS) {
      value = `${(value as string).slice(0, MAX_ATTRIBUTE_CHARS - 1)}…`;
      cut++;
    }
    into[key] = value;
  }
  return cut;
}
