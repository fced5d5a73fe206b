import { describe, expect, it } from "vitest";
import { readChunks } from "../test-read.ts";
import { createDelays } from "./delays.ts";
import { StreamCutError, timedBody } from "./timed-body.ts";

const instant = createDelays({ firstChunkDelayMs: 0, chunkDelayMs: 0, jitterMs: 0 }, 1);

describe("timedBody", () => {
  it("releases one part per read, in order, then ends", async () => {
    const { chunks, error } = await readChunks(new Response(timedBody(["a", "b", "c"], instant)));
    expect(chunks).toEqual(["a", "b", "c"]);
    expect(error).toBeUndefined();
  });

  it("fails after the last part when cut, without losing that part", async () => {
    const { chunks, error } = await readChunks(new Response(timedBody(["a", "b"], instant, "cut")));
    expect(chunks).toEqual(["a", "b"]);
    expect(error).toBeInstanceOf(StreamCutError);
    expect(error).toBeInstanceOf(TypeError);
  });

  it("produces nothing ahead of the reader and stops when cancelled", async () => {
    const body = timedBody(["a", "b", "c"], instant);
    const reader = body.getReader();
    expect((await reader.read()).value).toBeDefined();
    await reader.cancel();
    expect((await reader.read()).done).toBe(true);
  });
});
