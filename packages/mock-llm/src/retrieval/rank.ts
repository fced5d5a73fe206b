import { cosine, embedText } from "../content/embedding.ts";
import { DOCUMENTS, type MockDocument } from "./corpus.ts";

export interface ScoredDocument {
  document: MockDocument;
  /** cosine similarity, rounded as a float32 score would print */
  score: number;
  /** the document's embedding at the query's dimension */
  vector: Float32Array;
}

/** A query by text or by a vector (made by the mock's own /embeddings for related results). */
export type SearchQuery = { text: string } | { vector: ArrayLike<number> } | { id: string };

export const MAX_TOP_K = 100;

/** The corpus ranked against the query, best first, at most topK. */
export function rankDocuments(query: SearchQuery, topK: number, dimensions = 1536): ScoredDocument[] {
  const dims = "vector" in query ? query.vector.length : dimensions;
  const target = queryVector(query, dims);
  const scored = DOCUMENTS.map((document) => {
    const vector = embedText(document.text, dims);
    return { document, vector, score: Math.round(cosine(target, vector) * 1e6) / 1e6 };
  });
  scored.sort((a, b) => b.score - a.score || a.document.id.localeCompare(b.document.id));
  return scored.slice(0, Math.max(0, Math.min(topK, MAX_TOP_K)));
}

function queryVector(query: SearchQuery, dims: number): ArrayLike<number> {
  if ("vector" in query) return query.vector;
  if ("text" in query) return embedText(query.text, dims);
  const document = DOCUMENTS.find((d) => d.id === query.id);
  return embedText(document?.text ?? query.id, dims);
}

export const metadataOf = (document: MockDocument) => ({ title: document.title, text: document.text, source: document.source });
