// Conversations are read from the calls they are made of (every call carries
// its session) and the traces inside them: no table of their own to keep up
// at ingest. The list groups the calls in the range by session.
import type { LLMCall } from "@llmscope/core";
import { decodeCursor, encodeCursor } from "../store/cursor.ts";
import type { SessionDetail, SessionListItem, SessionPage } from "./api-types.ts";
import { lastUserMessage, sessionDetail } from "./session-view.ts";
import type { SqlReader } from "./sql-reader.ts";
import { recordLikePattern } from "./trace-filter-sql.ts";
import { listItemOf, TRACE_LIST_COLUMNS } from "./trace-reads.ts";
import type { SessionFilter } from "./trace-store.ts";

const MAX_PAGE = 500;
/** a session's detail holds at most this many calls and traces, the first ones */
const MAX_SESSION_RECORDS = 5000;

interface SessionRow {
  id: string;
  started_at: number;
  ended_at: number;
  calls: number;
  input_tokens: number | null;
  output_tokens: number | null;
  cost_usd: number | null;
  errors: number;
  user_id: string | null;
  feature: string | null;
}

function sessionWhere(filter: SessionFilter): { sql: string; params: (string | number)[] } {
  const clauses: string[] = [];
  const params: (string | number)[] = [];
  const add = (sql: string, ...values: (string | number)[]) => (clauses.push(sql), params.push(...values));
  if (filter.from !== undefined) add("started_at >= ?", filter.from);
  if (filter.to !== undefined) add("started_at < ?", filter.to);
  if (filter.userId) add("user_id = ?", filter.userId);
  if (filter.feature) add("feature = ?", filter.feature);
  if (filter.q) add("session_id IN (SELECT session_id FROM calls WHERE lower(record) LIKE ? ESCAPE '\\')", recordLikePattern(filter.q));
  return { sql: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

export async function listSessions(db: SqlReader, filter: SessionFilter): Promise<SessionPage> {
  const limit = Math.min(Math.max(filter.limit ?? 50, 1), MAX_PAGE);
  const where = sessionWhere(filter);
  const having: (string | number)[] = [];
  let havingSql = "";
  if (filter.cursor) {
    const c = decodeCursor(filter.cursor);
    havingSql = "HAVING (MIN(started_at) < ? OR (MIN(started_at) = ? AND session_id < ?))";
    having.push(c.startedAt, c.startedAt, c.id);
  }
  const rows = await db.all<SessionRow>(
    `SELECT session_id AS id, MIN(started_at) AS started_at, MAX(started_at + COALESCE(duration_ms, 0)) AS ended_at,
       COUNT(*) AS calls, SUM(input_tokens) AS input_tokens, SUM(output_tokens) AS output_tokens, SUM(cost_usd) AS cost_usd,
       SUM(CASE WHEN error_kind IS NULL THEN 0 ELSE 1 END) AS errors, MAX(user_id) AS user_id, MAX(feature) AS feature
     FROM calls ${where.sql} GROUP BY session_id ${havingSql} ORDER BY started_at DESC, id DESC LIMIT ?`,
    [...where.params, ...having, limit + 1],
  );
  const page = rows.slice(0, limit);
  const ids = page.map((r) => r.id);
  const [traceCounts, firsts] = await Promise.all([
    ids.length
      ? db.all<{ session_id: string; n: number }>(
          `SELECT session_id, COUNT(*) AS n FROM traces WHERE session_id IN (${ids.map(() => "?").join(", ")}) GROUP BY session_id`, ids)
      : [],
    Promise.all(ids.map((id) => db.all<{ record: string }>("SELECT record FROM calls WHERE session_id = ? ORDER BY started_at, id LIMIT 1", [id]))),
  ]);
  const tracesOf = new Map(traceCounts.map((r) => [r.session_id, Number(r.n)]));
  const sessions = page.map((r, i): SessionListItem => {
    const startedAt = Number(r.started_at);
    const endedAt = Math.max(startedAt, Number(r.ended_at));
    const item: SessionListItem = {
      id: r.id, startedAt, endedAt, durationMs: endedAt - startedAt, traces: tracesOf.get(r.id) ?? 0, calls: Number(r.calls),
      inputTokens: Number(r.input_tokens ?? 0), outputTokens: Number(r.output_tokens ?? 0),
      costUSD: Math.round(Number(r.cost_usd ?? 0) * 1e9) / 1e9, errors: Number(r.errors),
    };
    if (r.user_id) item.userId = r.user_id;
    if (r.feature) item.feature = r.feature;
    const first = firsts[i]?.[0];
    const message = first ? lastUserMessage(JSON.parse(first.record) as LLMCall) : undefined;
    if (message !== undefined) item.firstMessage = message.length > 200 ? `${message.slice(0, 199)}…` : message;
    return item;
  });
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
