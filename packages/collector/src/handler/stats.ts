// GET /v1/stats?groupBy=department&period=day&from=&to=
// from/to select the UTC days (or, with period=hour, the hours) they overlap.
// Day rows carry their quality scores and satisfaction where the store keeps them.
import { STATS_DIMENSIONS } from "../store/call-store.ts";
import { HOURLY_DIMENSIONS } from "../store/rollup.ts";
import type { HandlerContext, RouteRequest } from "./context.ts";
import { instantParam, oneOf } from "./query-params.ts";
import { json } from "./responses.ts";
import { withQuality } from "../quality/stats-quality.ts";

export async function stats(ctx: HandlerContext, { url }: RouteRequest): Promise<Response> {
  const period = oneOf(url, "period", ["hour", "day", "month", "all"] as const, "day");
  // hour rows exist only for the dimensions rolled up per hour
  const groupBy = oneOf<(typeof STATS_DIMENSIONS)[number]>(url, "groupBy", period === "hour" ? HOURLY_DIMENSIONS : STATS_DIMENSIONS, "all");
  const from = instantParam(url, "from");
  const to = instantParam(url, "to");
  const range = { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
  // hour rows carry no quality: it is rolled up per day
  if (period === "hour") return json({ groupBy, period, rows: await ctx.store.stats({ groupBy, period, ...range }) });
  const query = { groupBy, period, ...range };
  const rows = await ctx.store.stats(query);
  return json({ groupBy, period, rows: withQuality(rows, (await ctx.store.qualityStats?.(query)) ?? []) });
}
