// Reading calls back: by id, a filtered newest-first page, every match oldest
// first, a count. Filters are the SQLite store's WHERE clause with PostgreSQL
// placeholders.
import type pg from "pg";
import type { LLMCall } from "@llmscope/core";
import type { CallFilter, CallPage } from "../call-store.ts";
import { whereOf } from "../call-filter-sql.ts";
import { pgTextMatch } from "./pg-text-search.ts";
import { encodeCursor } from "../cursor.ts";

const MAX_PAGE = 500;
const ITERATE_PAGE = 1000;

type Row = { started_at: number; id: string; record: string };

/** whereOf's `?` placeholders as `$1`, `$2`… (its SQL holds no other `?`) */
export function pgWhere(filter: CallFilter): { sql: string; params: (string | number)[] } {
  const where = whereOf(filter, pgTextMatch);
  let n = 0;
  return { sql: where.sql.replace(/\?/g, () => `$${++n}`), params: where.params };
}

export function createPgCalls(pool: pg.Pool) {
  return {
    async get(id: string): Promise<LLMCall | undefined> {
      const { rows } = await pool.query<{ record: string }>("SELECT record FROM calls WHERE id = $1", [id]);
      return rows[0] ? (JSON.parse(rows[0].record) as LLMCall) : undefined;
    },

    async list(filter: CallFilter): Promise<CallPage> {
      const limit = Math.min(Math.max(filter.limit ?? 50, 1), MAX_PAGE);
      const where = pgWhere(filter);
      const { rows } = await pool.query<Row>(
        `SELECT started_at, id, record FROM calls ${where.sql} ORDER BY started_at DESC, id DESC LIMIT $${where.params.length + 1}`,
        [...where.params, limit + 1],
      );
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const result: CallPage = { calls: page.map((r) => JSON.parse(r.record)) };
      if (rows.length > limit && last) result.cursor = encodeCursor({ startedAt: last.started_at, id: last.id });
      return result;
    },

    async *iterate(filter: Omit<CallFilter, "limit" | "cursor">): AsyncIterable<LLMCall> {
      // keyset pages rather than one open cursor, so no connection is held between pages
      let after: { startedAt: number; id: string } | undefined;
      const base = pgWhere(filter);
      for (;;) {
        const n = base.params.length;
        const keyset = after
          ? `${base.sql ? base.sql + " AND" : "WHERE"} (started_at > $${n + 1} OR (started_at = $${n + 1} AND id > $${n + 2}))`
          : base.sql;
        const params = after ? [...base.params, after.startedAt, after.id] : base.params;
        const { rows } = await pool.query<Row>(
          `SELECT started_at, id, record FROM calls ${keyset} ORDER BY started_at, id LIMIT ${ITERATE_PAGE}`,
          params,
        );
        for (const r of rows) yield JSON.parse(r.record) as LLMCall;
        const last = rows[rows.length - 1];
        if (!last || rows.length < ITERATE_PAGE) return;
        after = { startedAt: last.started_at, id: last.id };
      }
    },

    async count(filter: Omit<CallFilter, "limit" | "cursor"> = {}): Promise<number> {
      const where = pgWhere(filter);
      const { rows } = await pool.query<{ n: number }>(`SELECT COUNT(*) AS n FROM calls ${where.sql}`, where.params);
      return rows[0]!.n;
    },
  };
}
