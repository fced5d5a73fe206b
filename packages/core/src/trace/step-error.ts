// What a step or trace records of an error: a kind to group by and a message,
// never the error object (it may hold anything). URLs in the message lose
// their userinfo and query, which a step never shows (fetch puts the whole
// URL in some of its errors).
import type { StepError } from "./types.ts";

const MAX_MESSAGE_CHARS = 1024;
const URL_IN_TEXT = /(\b[a-z][a-z0-9+.-]*:\/\/)(?:[^\s/@]*@)?([^\s?#]*)(?:\?[^\s#]*)?/gi;

export function stepErrorOf(kind: string, message: string): StepError {
  const clean = message.includes("://") ? message.replace(URL_IN_TEXT, "$1$2") : message;
  return { kind, message: clean.length > MAX_MESSAGE_CHARS ? `${clean.slice(0, MAX_MESSAGE_CHARS - 1)}…` : clean };
}

export function stepError(thrown: unknown): StepError {
  const e = thrown as { name?: unknown; message?: unknown } | null | undefined;
  const name = typeof e?.name === "string" ? e.name : "";
  const kind = name === "AbortError" ? "aborted" : name === "TimeoutError" ? "timeout" : name || "error";
  return stepErrorOf(kind, typeof e?.message === "string" ? e.message : String(thrown));
}
