// What a step or trace records of the error its fn threw: a kind to group by
// and a message, never the error object (it may hold anything).
import type { StepError } from "./types.ts";

const MAX_MESSAGE_CHARS = 1024;

export function stepError(thrown: unknown): StepError {
  const e = thrown as { name?: unknown; message?: unknown } | null | undefined;
  const name = typeof e?.name === "string" ? e.name : "";
  const kind = name === "AbortError" ? "aborted" : name === "TimeoutError" ? "timeout" : name || "error";
  const message = typeof e?.message === "string" ? e.message : String(thrown);
  return { kind, message: message.length > MAX_MESSAGE_CHARS ? `${message.slice(0, MAX_MESSAGE_CHARS - 1)}…` : message };
}
