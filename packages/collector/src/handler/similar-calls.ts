// GET /v1/calls/:id/similar?window=24h&limit=50: the impact scope of one bad
// trace — the same prompt pattern around it, and who and what it touched.
import type { HandlerContext, RouteRequest } from "./context.ts";
import { durationParam, intParam } from "./query-params.ts";
import { json, problem } from "./responses.ts";

export async function similarCalls(ctx: HandlerContext, { url, params }: RouteRequest): Promise<Response> {
  const windowMs = durationParam(url, "window", 24 * 3_600_000);
  const limit = intParam(url, "limit", 50, 500);
  const result = await ctx.store.similar(params.id!, { windowMs, limit });
  return result ? json(result) : problem(404, `no call with id ${JSON.stringify(params.id)}`);
}
