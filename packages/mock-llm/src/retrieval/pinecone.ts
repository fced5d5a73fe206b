// Pinecone's data plane on an index host: `POST /query` (by vector or record
// id) and `POST /records/namespaces/{namespace}/search` (by text, vector or id,
// for indexes with integrated embedding).
import type { MockContext } from "../context.ts";
import { estimateTokens } from "../content/tokens.ts";
import { searchResponse } from "./search-response.ts";
import { isVector, positiveInt, record } from "./query-params.ts";
import { metadataOf, rankDocuments, type SearchQuery } from "./rank.ts";

const readUnits = (matches: number) => 5 + Math.ceil(matches / 10);

export function pineconeQueryHandler(ctx: MockContext): Promise<Response> | Response {
  const body = ctx.body;
  const topK = positiveInt(body.topK);
  if (topK === undefined || topK > 10_000) return ctx.protocol.invalidRequest("topK must be an integer between 1 and 10000", ctx);
  const query = vectorOrId(body.vector, body.id);
  if (typeof query === "string") return ctx.protocol.invalidRequest(query, ctx);
  const namespace = typeof body.namespace === "string" ? body.namespace : "";
  const matches = rankDocuments(query, topK).map(({ document, score, vector }) => ({
    id: document.id,
    score,
    values: body.includeValues === true ? Array.from(vector) : [],
    ...(body.includeMetadata === true ? { metadata: metadataOf(document) } : {}),
  }));
  return searchResponse(ctx, { results: [], matches, namespace, usage: { readUnits: readUnits(matches.length) } });
}

export function pineconeSearchHandler(ctx: MockContext): Promise<Response> | Response {
  const query = record(ctx.body.query);
  if (!query) return ctx.protocol.invalidRequest("missing field `query`", ctx);
  const topK = positiveInt(query.top_k ?? query.topK);
  if (topK === undefined) return ctx.protocol.invalidRequest("query.top_k must be a positive integer", ctx);
  const text = record(query.inputs)?.text;
  const search: SearchQuery | string = typeof text === "string" && text.trim() ? { text } : vectorOrId(record(query.vector)?.values, query.id);
  if (typeof search === "string") return ctx.protocol.invalidRequest("query needs one of inputs.text, vector.values or id", ctx);
  const fields = Array.isArray(ctx.body.fields) ? ctx.body.fields.filter((f): f is string => typeof f === "string") : undefined;
  const hits = rankDocuments(search, topK).map(({ document, score }) => {
    const all: Record<string, string> = { ...metadataOf(document), chunk_text: document.text };
    return { _id: document.id, _score: score, fields: fields ? Object.fromEntries(fields.filter((f) => f in all).map((f) => [f, all[f]])) : all };
  });
  const usage = { read_units: readUnits(hits.length), ...("text" in search ? { embed_total_tokens: estimateTokens(search.text) } : {}) };
  return searchResponse(ctx, { result: { hits }, usage });
}

function vectorOrId(vector: unknown, id: unknown): SearchQuery | string {
  if (vector !== undefined && id !== undefined) return "exactly one of vector or id may be given";
  if (isVector(vector)) return { vector };
  if (typeof id === "string" && id) return { id };
  return "a query needs a vector (an array of numbers) or an id";
}
