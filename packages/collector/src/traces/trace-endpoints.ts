// GET /v1/traces, /v1/traces/stats, /v1/traces/:id, /v1/sessions, /v1/sessions/:id
// (answers in api-types.ts). Registered with the other reads, behind the read key.
import type { Endpoint, HandlerContext } from "../handler/context.ts";
import { instantParam, oneOf } from "../handler/query-params.ts";
import { HttpError, json, problem } from "../handler/responses.ts";
import { TRACE_STATS_DIMENSIONS } from "./api-types.ts";
import { sessionFilterOf, traceFilterOf } from "./trace-query.ts";
import { traceAnomalies } from "./trace-anomalies-endpoint.ts";
import type { TraceStore } from "./trace-store.ts";

function tracesOf(ctx: HandlerContext): TraceStore {
  if (!ctx.store.traces) throw new HttpError(404, "this store keeps no traces");
  return ctx.store.traces;
}

/** a cursor this server did not issue is the client's mistake */
async function paging<T>(read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (err) {
    if (err instanceof Error && err.message.startsWith("cursor")) throw new HttpError(400, err.message);
    throw err;
  }
}

const listTraces: Endpoint = async (ctx, { url }) => json(await paging(() => tracesOf(ctx).listTraces(traceFilterOf(url))));

const getTrace: Endpoint = async (ctx, { params }) => {
  const detail = await tracesOf(ctx).getTrace(params.id!);
  return detail ? json(detail) : problem(404, `no trace with id ${JSON.stringify(params.id)}`);
};

const traceStats: Endpoint = async (ctx, { url }) => {
  const period = oneOf(url, "period", ["hour", "day", "month", "all"] as const, "day");
  const groupBy = oneOf(url, "groupBy", TRACE_STATS_DIMENSIONS, "all");
  const from = instantParam(url, "from");
  const to = instantParam(url, "to");
  const rows = await tracesOf(ctx).stats({ groupBy, period, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  return json({ groupBy, period, rows });
};

const listSessions: Endpoint = async (ctx, { url }) => json(await paging(() => tracesOf(ctx).listSessions(sessionFilterOf(url))));

const getSession: Endpoint = async (ctx, { params }) => {
  const detail = await tracesOf(ctx).getSession(params.id!);
  return detail ? json(detail) : problem(404, `no session with id ${JSON.stringify(params.id)}`);
};

/** in match order: /v1/traces/stats and /anomalies before /v1/traces/:id */
export const TRACE_ROUTES: [RegExp, Endpoint][] = [
  [/^\/v1\/traces$/, listTraces],
  [/^\/v1\/traces\/stats$/, traceStats],
  [/^\/v1\/traces\/anomalies$/, traceAnomalies],
  [/^\/v1\/traces\/(?<id>[^/]+)$/, getTrace],
  [/^\/v1\/sessions$/, listSessions],
  [/^\/v1\/sessions\/(?<id>[^/]+)$/, getSession],
];
