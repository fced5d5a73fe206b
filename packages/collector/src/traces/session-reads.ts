// Conversations are read from the calls they are made of (every call carries
// its session) and the traces inside them: no table of their own to keep up
// at ingest. The list groups the calls in the range by session to pick and
// order its page, then gives each session the figures of its own page.
import type { LLMCall } from "@llmscope/core";
import { decodeCursor, encodeCursor } from "../store/cursor.ts";
import type { SessionDetail, SessionPage } from "./api-types.ts";
import { sessionDetail } from "./session-view.ts";
import type { SqlReader } from "./sql-reader.ts";
import { listItemOf, TRACE_LIST_COLUMNS } from "./trace-reads.ts";
import type { SessionFilter } from "./trace-store.ts";

const MAX_PAGE = 500;
/** a session's detail holds at most this many calls and traces, the first ones */
const MAX_SESSION_RECORDS = 5000;

/** the page's order: each session by its first call in the range */
interface SessionKeyRow {
  id: string;
  started_at: number;
}

function sessionWhere(filter: SessionFilter, db: SqlReader): { sql: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, ...values: (string | number)[]) => (clauses.push(sql), params.push(...values));
  if (filter.from !== undefined) add("started_at >= ?", filter.from);
  if (filter.to !== undefined) add("started_at < ?", filter.to);
  if (filter.userId) add("user_id = ?", filter.userId);
  if (filter.feature) add("feature = ?", filter.feature);
  if (filter.q) {
    // what one of its calls said, by the calls' own text search (q of /v1/calls): the same matches, through its index
    const said = db.callTextWhere(filter.q);
    add(`session_id IN (SELECT session_id FROM calls ${said.sql})`, ...said.params);
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

export async function listSessions(db: SqlReader, filter: SessionFilter): Promise<SessionPage> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), MAX_PAGE);
  const where = sessionWhere(filter, db);
  const having: (string | number)[] = [];
  let havingSql = "";
  if (filter.cursor) {
    const c = decodeCursor(filter.cursor);
    havingSql = "HAVING (MIN(started_at) < ? OR (MIN(started_at) = ? AND session_id < ?))";
    having.push(c.startedAt, c.startedAt, c.id);
  }
  const rows = await db.all<SessionKeyRow>(
    `SELECT session_id AS id, MIN(started_at) AS started_at
     FROM calls ${where.sql} GROUP BY session_id ${havingSql} ORDER BY started_at DESC, id DESC LIMIT ?`,
    [...where.params, ...having, limit + 1],
  );
  const page = rows.slice(0, limit);
  // each listed with the very figures its own page shows (start of its first trace, errors of its traces' steps)
  const details = await Promise.all(page.map((r) => getSession(db, r.id)));
  const sessions = details.flatMap((d) => (d ? [d.session] : []));
  const result: SessionPage = { sessions };
  const last = page[page.length - 1];
  if (rows.length > limit && last) result.cursor = encodeCursor({ startedAt: Number(last.started_at), id: last.id });
  return result;
}

export async function getSession(db: SqlReader, id: string): Promise<SessionDetail | undefined> {
  const [traceRows, callRows] = await Promise.all([
    db.all<Parameters<typeof listItemOf>[0]>(
      `SELECT ${TRACE_LIST_COLUMNS} FROM traces t WHERE t.session_id = ? ORDER BY t.started_at, t.id LIMIT ${MAX_SESSION_RECORDS}`, [id]),
    db.all<{ record: string }>(`SELECT record FROM calls WHERE session_id = ? ORDER BY started_at, id LIMIT ${MAX_SESSION_RECORDS}`, [id]),
  ]);
  return sessionDetail(id, traceRows.map(listItemOf), callRows.map((r) => JSON.parse(r.record) as LLMCall));
}
