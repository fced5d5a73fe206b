// Qdrant's REST search on a collection: `POST /collections/{name}/points/search`
// (a vector, `limit` required) and the universal `POST …/points/query` (a
// vector, `{nearest}`, a point id, or a `{text, model}` document for cloud
// inference; `limit` defaults to 10).
import type { MockContext } from "../context.ts";
import { searchResponse } from "./search-response.ts";
import { DOCUMENTS } from "./corpus.ts";
import { isVector, positiveInt, record } from "./query-params.ts";
import { metadataOf, rankDocuments, type SearchQuery } from "./rank.ts";
import { qdrantError } from "./qdrant-protocol.ts";

/** Qdrant point ids are unsigned integers or UUIDs: the corpus position, counted from 1 */
const pointIdOf = (docId: string) => DOCUMENTS.findIndex((d) => d.id === docId) + 1;

export function qdrantSearchHandler(ctx: MockContext): Promise<Response> | Response {
  const limit = positiveInt(ctx.body.limit);
  if (limit === undefined) return ctx.protocol.invalidRequest("missing field `limit`", ctx);
  const raw = ctx.body.vector;
  const vector = isVector(raw) ? raw : record(raw)?.vector;
  if (!isVector(vector)) return ctx.protocol.invalidRequest("missing field `vector` (an array of numbers, or {name, vector})", ctx);
  return answer(ctx, { vector }, limit, (points) => points);
}

export function qdrantQueryHandler(ctx: MockContext): Promise<Response> | Response {
  const limit = ctx.body.limit === undefined ? 10 : positiveInt(ctx.body.limit);
  if (limit === undefined) return ctx.protocol.invalidRequest("`limit` must be a positive integer", ctx);
  const query = queryOf(ctx.body.query);
  if (query === undefined) return ctx.protocol.invalidRequest("`query` must be a vector, {nearest}, a point id or a {text, model} document", ctx);
  if ("id" in query && !DOCUMENTS.some((d) => d.id === query.id)) {
    return qdrantError(ctx, 404, `Not found: No point with id ${String(ctx.body.query)} found`);
  }
  return answer(ctx, query, limit, (points) => ({ points }));
}

function queryOf(raw: unknown): SearchQuery | undefined {
  if (isVector(raw)) return { vector: raw };
  if (typeof raw === "number" && Number.isInteger(raw)) return { id: DOCUMENTS[raw - 1]?.id ?? String(raw) };
  const object = record(raw);
  if (isVector(object?.nearest)) return { vector: object.nearest };
  if (typeof object?.text === "string" && object.text.trim()) return { text: object.text };
  return undefined;
}

function answer(ctx: MockContext, query: SearchQuery, limit: number, wrap: (points: unknown[]) => unknown): Promise<Response> {
  const started = performance.now();
  const withPayload = ctx.body.with_payload === true || Array.isArray(ctx.body.with_payload);
  const withVector = ctx.body.with_vector === true || ctx.body.with_vectors === true;
  const points = rankDocuments(query, limit).map(({ document, score, vector }) => ({
    id: pointIdOf(document.id),
    version: 1,
    score,
    ...(withPayload ? { payload: { doc_id: document.id, ...metadataOf(document) } } : {}),
    ...(withVector ? { vector: Array.from(vector) } : {}),
  }));
  const time = Math.max(0.000001, (performance.now() - started) / 1000);
  return searchResponse(ctx, { result: wrap(points), status: "ok", time: Number(time.toFixed(6)) });
}
