import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StreamEvent } from "../providers/types.ts";
import { createNDJSONFramer } from "./ndjson-framer.ts";

function frame(pieces: string[]): StreamEvent[] {
  const events: StreamEvent[] = [];
  const framer = createNDJSONFramer((e) => events.push(e));
  for (const p of pieces) framer.push(p);
  framer.end();
  return events;
}

/** text cut at the given points (mod its length): every possible chunking is reachable */
function cut(text: string, points: number[]): string[] {
  const at = [0, ...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  return at.map((p, i) => text.slice(p, at[i + 1] ?? text.length));
}

describe("createNDJSONFramer", () => {
  it("emits one event per non-blank line, CRLF or LF, and a last line without newline", () => {
    expect(frame(['{"a":1}\r\n', "\n", '{"b"', ':2}\n{"c":3}'])).toEqual([{ data: '{"a":1}' }, { data: '{"b":2}' }, { data: '{"c":3}' }]);
  });

  it("gives the same events whatever the split", () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 10 }), fc.constantFrom("\n", "\r\n"), fc.array(fc.nat(), { maxLength: 20 }), (values, eol, points) => {
        const body = values.map((v) => JSON.stringify(v) + eol).join("");
        const events = frame(cut(body, points));
        expect(events.map((e) => JSON.parse(e.data))).toEqual(values.map((v) => JSON.parse(JSON.stringify(v))));
      }),
      { numRuns: 300 },
    );
  });
});
