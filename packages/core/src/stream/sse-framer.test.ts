import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StreamEvent } from "../providers/types.ts";
import { createSSEFramer } from "./sse-framer.ts";

function frame(pieces: string[]): StreamEvent[] {
  const events: StreamEvent[] = [];
  const framer = createSSEFramer((e) => events.push(e));
  for (const p of pieces) framer.push(p);
  framer.end();
  return events;
}

/** text cut at the given points (mod its length): every possible chunking is reachable */
function cut(text: string, points: number[]): string[] {
  const at = [0, ...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  return at.map((p, i) => text.slice(p, at[i + 1] ?? text.length));
}

describe("createSSEFramer", () => {
  it("reads events, names, comments and multi-line data", () => {
    const body = ': ping\n\nevent: message_start\ndata: {"a":1}\n\ndata: line one\ndata:line two\n\ndata: [DONE]\n\n';
    expect(frame([body])).toEqual([
      { event: "message_start", data: '{"a":1}' },
      { data: "line one\nline two" },
      { data: "[DONE]" },
    ]);
  });

  it("treats CRLF, CR and LF alike, even when CR and LF arrive in different chunks", () => {
    expect(frame(["data: a\r", "\n\r", "\ndata: b\r\rdata: c\n\n"])).toEqual([{ data: "a" }, { data: "b" }, { data: "c" }]);
  });

  it("strips exactly one space after the colon and keeps fields without a colon", () => {
    expect(frame(["data:  two spaces\n\ndata\n\n"])).toEqual([{ data: " two spaces" }, { data: "" }]);
  });

  it("ignores events that carry no data and resets the event name after each dispatch", () => {
    expect(frame(["event: ping\n\ndata: x\n\n"])).toEqual([{ data: "x" }]);
  });

  it("still emits a final event whose blank line never came", () => {
    expect(frame(["data: last"])).toEqual([{ data: "last" }]);
  });

  it("gives the same events whatever the split", () => {
    const line = fc.string({ unit: fc.constantFrom("a", "é", "🙂", ":", " ", "{", '"', "x") });
    const event = fc.record({
      event: fc.option(fc.stringMatching(/^[a-z_]{1,12}$/), { nil: undefined }),
      lines: fc.array(line, { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(
        fc.array(event, { maxLength: 8 }),
        fc.constantFrom("\n", "\r\n", "\r"),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 20 }),
        (events, eol, comments, points) => {
          let body = "";
          for (const e of events) {
            if (comments) body += ": keep-alive" + eol;
            if (e.event) body += "event: " + e.event + eol;
            for (const l of e.lines) body += "data: " + l + eol;
            body += eol;
          }
          const expected = events.map((e) => (e.event ? { event: e.event, data: e.lines.join("\n") } : { data: e.lines.join("\n") }));
          expect(frame([body])).toEqual(expected);
          expect(frame(cut(body, points))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
