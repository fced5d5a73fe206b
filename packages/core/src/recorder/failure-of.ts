import type { classifyError } from "../errors/index.ts";

/** what classifyError needs to know about a thrown error (fetch rejected, body failed) */
export function failureOf(thrown: unknown): Parameters<typeof classifyError>[0] {
  const name = (thrown as { name?: unknown } | null)?.name;
  return { thrown, aborted: name === "AbortError", timedOut: name === "TimeoutError" };
}
