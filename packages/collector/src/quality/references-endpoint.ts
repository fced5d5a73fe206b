// Reference answers over HTTP: GET /v1/references[/:promptId] with the read
// key; PUT /v1/references/:promptId { "references": [...] } with the read key too:
// reference answers steer scoring, so the write key browsers carry cannot change them.
import type { HandlerContext, RouteRequest } from "../handler/context.ts";
import { HttpError, json, problem } from "../handler/responses.ts";
import { checkReferences } from "./reference-book.ts";

function book(ctx: HandlerContext) {
  if (!ctx.references) throw new HttpError(404, "quality scoring is off on this collector, so it keeps no reference answers");
  return ctx.references;
}

export async function getReferences(ctx: HandlerContext, { params }: RouteRequest): Promise<Response> {
  const refs = book(ctx);
  if (params.promptId === undefined) return json({ references: refs.all() });
  const list = refs.get(params.promptId);
  return list ? json({ promptId: params.promptId, references: list }) : problem(404, `no reference answers for promptId ${JSON.stringify(params.promptId)}`);
}

export async function putReferences(ctx: HandlerContext, body: unknown, params: Record<string, string>): Promise<Response> {
  const refs = book(ctx);
  const promptId = params.promptId!;
  const b = body as { references?: unknown; reference?: unknown } | null;
  if (!b || typeof b !== "object" || Array.isArray(b)) throw new HttpError(400, "body must be a JSON object: { \"references\": [\"…\"] }");
  const given = b.references ?? (b.reference !== undefined ? [b.reference] : undefined);
  if (Array.isArray(given) && given.length === 0) {
    refs.set(promptId, []);
    return json({ promptId, references: [] });
  }
  let list: string[];
  try {
    list = checkReferences(given, "references");
    refs.set(promptId, list);
  } catch (err) {
    throw new HttpError(400, (err as Error).message);
  }
  return json({ promptId, references: list });
}
