// GET /v1/calls: "a user reports a bad answer at 14:02" → filter by user and
// time, newest first, each call with its whole recorded context.
import type { HandlerContext, RouteRequest } from "./context.ts";
import { withinBudget } from "./page-budget.ts";
import { callFilterOf } from "./query-params.ts";
import { HttpError, json } from "./responses.ts";

export async function listCalls(ctx: HandlerContext, { url }: RouteRequest): Promise<Response> {
  const filter = callFilterOf(url);
  try {
    return json(withinBudget(await ctx.store.listCalls(filter), ctx.limits.maxAnswerChars));
  } catch (err) {
    if (err instanceof Error && err.message.startsWith("cursor")) throw new HttpError(400, err.message);
    throw err;
  }
}
