// GET /v1/traces/anomalies?from=&to=&threshold= : trace measures far outside
// their usual range, each latency one explained down to the step that moved.
import type { Endpoint } from "../handler/context.ts";
import { instantParam } from "../handler/query-params.ts";
import { HttpError, json } from "../handler/responses.ts";
import { dayOf } from "../store/time-buckets.ts";
import type { TraceAnomalyAnswer } from "./api-types.ts";
import { explainedTraceAnomalies } from "./explained-trace-anomalies.ts";

const DAY_MS = 86_400_000;
const MAX_DAYS = 92;

export const traceAnomalies: Endpoint = async (ctx, { url }) => {
  const to = instantParam(url, "to") ?? ctx.now();
  const from = instantParam(url, "from") ?? to - 7 * DAY_MS;
  const fromDay = dayOf(from);
  const toDay = dayOf(to - 1);
  if (toDay < fromDay) throw new HttpError(400, "from must be before to");
  if (toDay - fromDay + 1 > MAX_DAYS) throw new HttpError(400, `at most ${MAX_DAYS} days per request`);
  const raw = url.searchParams.get("threshold");
  const threshold = raw ? Number(raw) : undefined;
  if (threshold !== undefined && !(threshold > 0)) throw new HttpError(400, "threshold must be a positive number");
  const anomalies = await explainedTraceAnomalies(ctx.store, fromDay, toDay, threshold);
  const answer: TraceAnomalyAnswer = { from: fromDay * DAY_MS, to: (toDay + 1) * DAY_MS, anomalies };
  return json(answer);
};
