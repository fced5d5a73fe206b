// GET /v1/alerts/:id/rca — the root cause of a stored alert: the measure its
// kind is about, on the day it fired, decomposed over every dimension.
import type { AlertKind } from "../alerts/alert.ts";
import { analyzeRootCause } from "../insights/root-cause.ts";
import { METRICS, type Metric } from "../insights/metrics.ts";
import { dayOf } from "../store/time-buckets.ts";
import type { HandlerContext, RouteRequest } from "./context.ts";
import { HttpError, json } from "./responses.ts";

const METRIC_OF_KIND: Partial<Record<AlertKind, Metric>> = {
  token_spike_call: "tokensPerRequest",
  daily_tokens: "tokens",
  prompt_tokens_weekly: "tokens",
  cost_month_over_month: "cost",
  user_daily_cost: "cost",
  avg_cost_per_request: "costPerRequest",
};

/** alerts are looked up among the most recent ones; the store has no lookup by id */
const SEARCHED = 5000;

export async function alertRca(ctx: HandlerContext, { params }: RouteRequest): Promise<Response> {
  const alert = (await ctx.store.listAlerts({ limit: SEARCHED })).find((a) => a.id === params.id);
  if (!alert) throw new HttpError(404, `no alert ${params.id} among the ${SEARCHED} most recent`);
  // an anomaly alert's subject is the measure it is about
  const metric = alert.kind === "anomaly" ? METRICS.find((m) => m === alert.subject) : METRIC_OF_KIND[alert.kind];
  if (!metric) throw new HttpError(422, `alerts of kind ${alert.kind} have no root-cause analysis`);
  const rootCause = await analyzeRootCause(ctx.store, { metric, day: dayOf(alert.firedAt) });
  return json({ alert, rootCause });
}
