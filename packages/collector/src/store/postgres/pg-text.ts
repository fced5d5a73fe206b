// PostgreSQL text cannot hold NUL (JSON text escapes it, so records keep it).
// Flat columns, keys and messages drop it rather than fail the whole batch.
import type { CallRow } from "../call-row.ts";

export function withoutNul<T>(v: T): T {
  return (typeof v === "string" && v.includes("\u0000") ? v.replaceAll("\u0000", "") : v) as T;
}

/** the row with NUL dropped from every text column but the id and the JSON record */
export function pgCallRow(row: CallRow): CallRow {
  const out = { ...row };
  for (const k of Object.keys(out) as (keyof CallRow)[]) {
    if (k !== "id" && k !== "record") (out as Record<string, unknown>)[k] = withoutNul(out[k]);
  }
  return out;
}
