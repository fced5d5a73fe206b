// GET /v1/calls/:id
import type { HandlerContext, RouteRequest } from "./context.ts";
import { json, problem } from "./responses.ts";

export async function getCall(ctx: HandlerContext, { params }: RouteRequest): Promise<Response> {
  const call = await ctx.store.getCall(params.id!);
  return call ? json(call) : problem(404, `no call with id ${JSON.stringify(params.id)}`);
}
