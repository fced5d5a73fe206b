import { describe, expect, it } from "vitest";
import type { StreamOutcome } from "./observe-stream.ts";
import { readAlong } from "./read-along.ts";

const bytes = (s: string) => new TextEncoder().encode(s);

/** a body whose chunks arrive one per pull; the caller can fail it */
function source(chunks: string[]) {
  let fail: ((err: unknown) => void) | undefined;
  let cancelled: unknown = "not cancelled";
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise((r) => setTimeout(r, 1));
      const next = chunks.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(bytes(next));
    },
    start(controller) {
      fail = (err) => controller.error(err);
    },
    cancel(reason) {
      cancelled = reason;
    },
  });
  return { body, fail: (err: unknown) => fail!(err), cancelled: () => cancelled };
}

function watch(body: ReadableStream<Uint8Array>) {
  const seen: string[] = [];
  let ended!: (outcome: StreamOutcome) => void;
  const outcome = new Promise<StreamOutcome>((resolve) => (ended = resolve));
  const out = readAlong(body, (c) => seen.push(new TextDecoder().decode(c)), ended, () => {});
  return { out, seen, ended: outcome };
}

describe("readAlong", () => {
  it("hands the app the same chunks in order and sees each once", async () => {
    const { out, seen, ended } = watch(source(["{\"a\":", "1,", "\"b\":2}"]).body);
    expect(await new Response(out).text()).toBe('{"a":1,"b":2}');
    expect(await ended).toEqual({ kind: "complete" });
    expect(seen).toEqual(['{"a":', "1,", '"b":2}']);
  });

  it("reads to the end when the app never reads, keeping the chunks for a later read", async () => {
    const { out, seen, ended } = watch(source(["one ", "two"]).body);
    expect(await ended).toEqual({ kind: "complete" });
    expect(seen).toEqual(["one ", "two"]);
    expect(await new Response(out).text()).toBe("one two");
  });

  it("passes the body's very error to the app and reports it", async () => {
    const src = source(["partial"]);
    const { out, ended } = watch(src.body);
    const reader = out.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("partial");
    const failure = new TypeError("terminated");
    src.fail(failure);
    await expect(reader.read()).rejects.toBe(failure);
    expect(await ended).toEqual({ kind: "errored", error: failure });
  });

  it("an app that cancels cancels the body with its reason", async () => {
    const src = source(["a", "b", "c", "d"]);
    const { out, ended } = watch(src.body);
    const reader = out.getReader();
    await reader.read();
    await reader.cancel("user left");
    expect(await ended).toEqual({ kind: "cancelled", reason: "user left" });
    expect(src.cancelled()).toBe("user left");
  });

  it("counts a failing observer and carries on", async () => {
    let faults = 0;
    const out = readAlong(
      source(["x", "y"]).body,
      () => {
        throw new Error("observer bug");
      },
      () => {},
      () => faults++,
    );
    expect(await new Response(out).text()).toBe("xy");
    expect(faults).toBe(2);
  });
});
