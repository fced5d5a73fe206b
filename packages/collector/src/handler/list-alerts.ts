// GET /v1/alerts?from=&to=&kind=&limit=
import type { HandlerContext, RouteRequest } from "./context.ts";
import { instantParam, intParam } from "./query-params.ts";
import { json } from "./responses.ts";

export async function listAlerts(ctx: HandlerContext, { url }: RouteRequest): Promise<Response> {
  const from = instantParam(url, "from");
  const to = instantParam(url, "to");
  const kind = url.searchParams.get("kind") || undefined;
  const alerts = await ctx.store.listAlerts({
    limit: intParam(url, "limit", 100, 1000),
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(kind ? { kind } : {}),
  });
  return json({ alerts });
}
