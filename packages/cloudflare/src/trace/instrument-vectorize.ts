// instrumentVectorize(env.VECTORIZE): a Vectorize index query inside a Worker
// request becomes a `retrieval` step of the request's trace (index binding,
// operation, topK, how many matches came back). Outside a request, and for the
// index's other methods, the binding is used as it is.
import type { StepAttributes } from "@llmscope/core";
import { activeIsolate } from "../isolate.ts";

interface VectorizeLike {
  query(vector: unknown, options?: { topK?: number }): Promise<unknown>;
}

export interface InstrumentVectorizeOptions {
  /** the binding's name, shown on the step; default "VECTORIZE" */
  name?: string;
}

const SEARCHES = new Set(["query", "queryById"]);
/** Vectorize's default topK */
const DEFAULT_TOP_K = 5;

export function instrumentVectorize<T extends VectorizeLike>(binding: T, options: InstrumentVectorizeOptions = {}): T {
  const name = options.name ?? "VECTORIZE";
  return new Proxy(binding, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== "function") return value;
      if (typeof key !== "string" || !SEARCHES.has(key)) return value.bind(target);
      return (first: unknown, queryOptions?: { topK?: number }) => search(() => value.call(target, first, queryOptions), name, key, queryOptions?.topK);
    },
  });
}

async function search(run: () => Promise<unknown>, name: string, operation: string, topK: number | undefined): Promise<unknown> {
  const trace = activeIsolate()?.scopes.getStore()?.trace;
  if (!trace) return run();
  const attributes: StepAttributes = { "db.system": "vectorize", "db.collection.name": name, "db.operation.name": operation, "db.query.top_k": topK ?? DEFAULT_TOP_K };
  const step = trace.startStep(`vectorize ${name} ${operation}`, { kind: "retrieval", attributes });
  try {
    const result = await run();
    const matches = (result as { matches?: unknown[] } | null)?.matches;
    if (Array.isArray(matches)) step.setAttributes({ "db.response.returned_rows": matches.length });
    step.end();
    return result;
  } catch (error) {
    step.end(error);
    throw error;
  }
}
