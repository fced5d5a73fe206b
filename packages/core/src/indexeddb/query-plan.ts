// Turns a CallQuery into what both stores need: which index narrows the scan,
// which key range, and what the remaining rows must still satisfy.
import type { CallQuery, LLMCall } from "../types.ts";
import { INDEXED_FIELDS, type IndexedField, type StoredCall } from "./schema.ts";

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 1000;

/** position of the last call of a page: [startedAt, id] */
export type Position = [number, string];

export interface QueryPlan {
  /** the index field whose value narrows the scan, most selective first */
  field?: IndexedField;
  value?: string;
  from: number;
  to: number;
  /** rows strictly before this position (newest-first order) */
  after?: Position;
  limit: number;
  /** what the rows of the narrowed range must still satisfy */
  matches(row: StoredCall): boolean;
}

export const encodeCursor = (row: LLMCall) => encodeURIComponent(JSON.stringify([row.startedAt, row.id]));

function decodeCursor(cursor: string): Position {
  try {
    const p: unknown = JSON.parse(decodeURIComponent(cursor));
    if (Array.isArray(p) && typeof p[0] == "number" && typeof p[1] == "string") return [p[0], p[1]];
  } catch {}
  throw new TypeError(`queryCalls: cursor ${JSON.stringify(cursor)} did not come from a previous page`);
}

const isBefore = (row: LLMCall, [t, id]: Position) => row.startedAt < t || (row.startedAt == t && row.id < id);

export function planQuery(query: CallQuery): QueryPlan {
  const { limit = DEFAULT_LIMIT, from = -Infinity, to = Infinity, text } = query;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    throw new RangeError(`queryCalls: limit must be an integer from 1 to ${MAX_LIMIT}, got ${limit}`);
  }
  if (typeof from != "number" || typeof to != "number" || Number.isNaN(from) || Number.isNaN(to)) {
    throw new TypeError("queryCalls: from and to must be epoch milliseconds");
  }
  const fields = (Object.keys(INDEXED_FIELDS) as IndexedField[]).filter((f) => query[f] !== undefined);
  const [field, ...rest] = fields;
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const needle = text?.toLowerCase();
  return {
    field,
    value: field && query[field],
    from,
    to,
    after,
    limit,
    matches: (row) =>
      row.startedAt >= from &&
      row.startedAt < to &&
      (!after || isBefore(row, after)) &&
      rest.every((f) => row[INDEXED_FIELDS[f]] === query[f]) &&
      (!needle ||
        row.prompt.text.toLowerCase().includes(needle) ||
        row.completion.text.toLowerCase().includes(needle)),
  };
}
