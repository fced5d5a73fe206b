// GET /v1/stats?groupBy=department&period=day&from=&to=
// Day-granular: from/to select the UTC days they overlap. Each row carries
// its quality scores and satisfaction where the store keeps them.
import { STATS_DIMENSIONS } from "../store/call-store.ts";
import type { HandlerContext, RouteRequest } from "./context.ts";
import { instantParam, oneOf } from "./query-params.ts";
import { json } from "./responses.ts";
import { withQuality } from "../quality/stats-quality.ts";

export async function stats(ctx: HandlerContext, { url }: RouteRequest): Promise<Response> {
  const groupBy = oneOf(url, "groupBy", STATS_DIMENSIONS, "all");
  const period = oneOf(url, "period", ["day", "month", "all"] as const, "day");
  const from = instantParam(url, "from");
  const to = instantParam(url, "to");
  const query = { groupBy, period, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
  const rows = await ctx.store.stats(query);
  return json({ groupBy, period, rows: withQuality(rows, (await ctx.store.qualityStats?.(query)) ?? []) });
}
