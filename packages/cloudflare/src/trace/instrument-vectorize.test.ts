import { describe, expect, it } from "vitest";
import { instrumentVectorize } from "./instrument-vectorize.ts";

function fakeIndex() {
  const seen: unknown[] = [];
  return {
    seen,
    async query(vector: number[], options?: { topK?: number }) {
      seen.push({ vector, options });
      return { count: 1, matches: [{ id: "a", score: 0.9 }] };
    },
    async describe() {
      return { dimensions: 3, self: this === index };
    },
  };
}
let index: ReturnType<typeof fakeIndex>;

describe("instrumentVectorize outside a Worker request", () => {
  it("queries the binding as it is and passes its other methods through, bound to it", async () => {
    index = fakeIndex();
    const wrapped = instrumentVectorize(index);
    expect(await wrapped.query([1, 2, 3], { topK: 1 })).toEqual({ count: 1, matches: [{ id: "a", score: 0.9 }] });
    expect(index.seen).toEqual([{ vector: [1, 2, 3], options: { topK: 1 } }]);
    expect(await wrapped.describe()).toEqual({ dimensions: 3, self: true });
  });
});
