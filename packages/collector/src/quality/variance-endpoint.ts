// GET /v1/variance?promptId=…|fingerprint=…&from=&to=&limit=: dispersion of
// the answers to one prompt and the answers that stand apart.
import type { HandlerContext, RouteRequest } from "../handler/context.ts";
import { instantParam, intParam } from "../handler/query-params.ts";
import { HttpError, json } from "../handler/responses.ts";
import { promptVariance } from "./prompt-variance.ts";

export async function varianceEndpoint(ctx: HandlerContext, { url }: RouteRequest): Promise<Response> {
  const promptId = url.searchParams.get("promptId") || undefined;
  const fingerprint = url.searchParams.get("fingerprint") || undefined;
  if ((promptId === undefined) === (fingerprint === undefined)) throw new HttpError(400, "pass exactly one of promptId or fingerprint");
  const from = instantParam(url, "from");
  const to = instantParam(url, "to");
  const limit = intParam(url, "limit", 200, 500);
  const subject = promptId !== undefined ? { promptId } : { fingerprint: fingerprint! };
  const result = await promptVariance(ctx.store, { ...subject, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) }, limit);
  return json({ ...subject, ...result });
}
