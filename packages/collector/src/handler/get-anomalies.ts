// GET /v1/anomalies?from=&to=&dimension=&metric=&threshold=
// Days (UTC) from..to, each point scored against the 28 days before it, read
// from the day rollups; with the day's root cause for the newest anomalous day.
import { ANOMALY_DIMENSIONS, detectAnomalies } from "../insights/detect-anomalies.ts";
import { explainDay } from "../insights/explain-day.ts";
import { METRICS } from "../insights/metrics.ts";
import { dayOf } from "../store/time-buckets.ts";
import type { HandlerContext, RouteRequest } from "./context.ts";
import { instantParam, oneOf } from "./query-params.ts";
import { HttpError, json } from "./responses.ts";
import { explainedTraceAnomalies } from "../traces/explained-trace-anomalies.ts";

const DAY_MS = 86_400_000;
/** days one request may cover: each is compared with its own 28-day history */
const MAX_DAYS = 92;

export async function getAnomalies(ctx: HandlerContext, { url }: RouteRequest): Promise<Response> {
  const now = ctx.now();
  const to = instantParam(url, "to") ?? now;
  const from = instantParam(url, "from") ?? to - 7 * DAY_MS;
  const fromDay = dayOf(from);
  const toDay = dayOf(to - 1);
  if (toDay < fromDay) throw new HttpError(400, "from must be before to");
  if (toDay - fromDay + 1 > MAX_DAYS) throw new HttpError(400, `at most ${MAX_DAYS} days per request`);
  const dimension = url.searchParams.get("dimension") ? oneOf(url, "dimension", ANOMALY_DIMENSIONS, "all") : undefined;
  const metric = url.searchParams.get("metric") ? oneOf(url, "metric", METRICS, "tokens") : undefined;
  const threshold = url.searchParams.get("threshold") ? Number(url.searchParams.get("threshold")) : undefined;
  if (threshold !== undefined && !(threshold > 0)) throw new HttpError(400, "threshold must be a positive number");
  const anomalies = await detectAnomalies(ctx.store, {
    fromDay,
    toDay,
    now,
    ...(dimension ? { dimensions: [dimension] } : {}),
    ...(metric ? { metrics: [metric] } : {}),
    ...(threshold ? { threshold } : {}),
  });
  const rootCause = anomalies.length ? await explainDay(ctx.store, anomalies) : undefined;
  // requests as a whole (traces) beside the calls: what a request costs, how many calls it makes, where its time went
  const traceAnomalies = ctx.store.traces ? await explainedTraceAnomalies(ctx.store, fromDay, toDay, threshold) : [];
  return json({ from: fromDay * DAY_MS, to: (toDay + 1) * DAY_MS, anomalies, ...(rootCause ? { rootCause } : {}), traceAnomalies });
}
