import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StreamEvent } from "../providers/types.ts";
import { createJSONArrayFramer } from "./json-array-framer.ts";

function frame(pieces: string[]): StreamEvent[] {
  const events: StreamEvent[] = [];
  const framer = createJSONArrayFramer((e) => events.push(e));
  for (const p of pieces) framer.push(p);
  framer.end();
  return events;
}

/** text cut at the given points (mod its length): every possible chunking is reachable */
function cut(text: string, points: number[]): string[] {
  const at = [0, ...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  return at.map((p, i) => text.slice(p, at[i + 1] ?? text.length));
}

describe("createJSONArrayFramer", () => {
  it("emits each element of a Gemini-style streamed array as it closes", () => {
    const events = frame(['[{"text":"a ] } ,\\" x"}\r\n', ',\r\n{"n":[1,{"m":2}]', "}\r\n]"]);
    expect(events.map((e) => JSON.parse(e.data))).toEqual([{ text: 'a ] } ," x' }, { n: [1, { m: 2 }] }]);
  });

  it("handles scalar elements", () => {
    expect(frame(['[1, "a,b" ,true,null, {"x":1}]']).map((e) => e.data)).toEqual(["1", '"a,b"', "true", "null", '{"x":1}']);
  });

  it("gives the same elements whatever the split and whitespace", () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 8 }), fc.constantFrom(",", ",\r\n", "\n, "), fc.array(fc.nat(), { maxLength: 20 }), (values, sep, points) => {
        const body = "[" + values.map((v) => JSON.stringify(v, null, values.length % 2 ? 2 : undefined)).join(sep) + "]";
        const events = frame(cut(body, points));
        expect(events.map((e) => JSON.parse(e.data))).toEqual(values.map((v) => JSON.parse(JSON.stringify(v))));
      }),
      { numRuns: 300 },
    );
  });
});
