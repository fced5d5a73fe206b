// GET /v1/stats?groupBy=department&period=day&from=&to=
// Day-granular: from/to select the UTC days they overlap.
import { STATS_DIMENSIONS } from "../store/call-store.ts";
import type { HandlerContext, RouteRequest } from "./context.ts";
import { instantParam, oneOf } from "./query-params.ts";
import { json } from "./responses.ts";

export async function stats(ctx: HandlerContext, { url }: RouteRequest): Promise<Response> {
  const groupBy = oneOf(url, "groupBy", STATS_DIMENSIONS, "all");
  const period = oneOf(url, "period", ["day", "month", "all"] as const, "day");
  const from = instantParam(url, "from");
  const to = instantParam(url, "to");
  const rows = await ctx.store.stats({ groupBy, period, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) });
  return json({ groupBy, period, rows });
}
