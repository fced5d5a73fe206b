import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { StreamEvent, StreamFormat } from "../providers/types.ts";
import { createFramer } from "./framer.ts";

function frame(pieces: string[], format: StreamFormat = "sse"): StreamEvent[] {
  const events: StreamEvent[] = [];
  const framer = createFramer(format, (e) => events.push(e));
  for (const p of pieces) framer.push(p);
  framer.end();
  return events;
}

/** text cut at the given points (mod its length): every possible chunking is reachable */
function cut(text: string, points: number[]): string[] {
  const at = [0, ...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  return at.map((p, i) => text.slice(p, at[i + 1] ?? text.length));
}

describe("SSE framing", () => {
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

describe("NDJSON framing", () => {
  it("emits one event per non-blank line, CRLF or LF, and a last line without newline", () => {
    expect(frame(['{"a":1}\r\n', "\n", '{"b"', ':2}\n{"c":3}'], "ndjson")).toEqual([{ data: '{"a":1}' }, { data: '{"b":2}' }, { data: '{"c":3}' }]);
  });

  it("gives the same events whatever the split", () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 10 }), fc.constantFrom("\n", "\r\n"), fc.array(fc.nat(), { maxLength: 20 }), (values, eol, points) => {
        const body = values.map((v) => JSON.stringify(v) + eol).join("");
        const events = frame(cut(body, points), "ndjson");
        expect(events.map((e) => JSON.parse(e.data))).toEqual(values.map((v) => JSON.parse(JSON.stringify(v))));
      }),
      { numRuns: 300 },
    );
  });
});

describe("JSON-array framing", () => {
  it("emits each element of a Gemini-style streamed array as it closes", () => {
    const events = frame(['[{"text":"a ] } ,\\" x"}\r\n', ',\r\n{"n":[1,{"m":2}]', "}\r\n]"], "json-array");
    expect(events.map((e) => JSON.parse(e.data))).toEqual([{ text: 'a ] } ," x' }, { n: [1, { m: 2 }] }]);
  });

  it("emits an object element at its closing brace, before the next piece arrives", () => {
    const events: StreamEvent[] = [];
    const framer = createFramer("json-array", (e) => events.push(e));
    framer.push('[{"a":[1]}');
    expect(events).toEqual([{ data: '{"a":[1]}' }]);
    framer.push(',\r\n{"b":2}');
    expect(events).toHaveLength(2);
    framer.push("]");
    framer.end();
    expect(events.map((e) => e.data)).toEqual(['{"a":[1]}', '{"b":2}']);
  });

  it("handles scalar elements", () => {
    expect(frame(['[1, "a,b" ,true,null, {"x":1}]'], "json-array").map((e) => e.data)).toEqual(["1", '"a,b"', "true", "null", '{"x":1}']);
  });

  it("gives the same elements whatever the split and whitespace", () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue(), { maxLength: 8 }), fc.constantFrom(",", ",\r\n", "\n, "), fc.array(fc.nat(), { maxLength: 20 }), (values, sep, points) => {
        const body = "[" + values.map((v) => JSON.stringify(v, null, values.length % 2 ? 2 : undefined)).join(sep) + "]";
        const events = frame(cut(body, points), "json-array");
        expect(events.map((e) => JSON.parse(e.data))).toEqual(values.map((v) => JSON.parse(JSON.stringify(v))));
      }),
      { numRuns: 300 },
    );
  });
});

describe("events too large to hold", () => {
  const framed = (format: StreamFormat, pieces: string[]) => {
    const events: StreamEvent[] = [];
    let cuts = 0;
    const framer = createFramer(format, (e) => events.push(e), () => cuts++, 10);
    for (const p of pieces) framer.push(p);
    framer.end();
    return { events, cuts };
  };
  const long = "x".repeat(8);

  it("skips an SSE event whose line or joined data outgrows the limit across pieces, and frames the next", () => {
    expect(framed("sse", ["data: ", long, long, "\n\n", "data: ok\n\n"])).toEqual({ events: [{ data: "ok" }], cuts: 1 });
    expect(framed("sse", ["data: 123456\n", "data: 123456\n\ndata: ok\n\n"])).toEqual({ events: [{ data: "ok" }], cuts: 1 });
  });

  it("skips an overlong NDJSON line or JSON-array element the same way", () => {
    expect(framed("ndjson", ['{"a":"', long, long, '"}\n{"b":1}\n'])).toEqual({ events: [{ data: '{"b":1}' }], cuts: 1 });
    expect(framed("json-array", ['[{"a":"', long, long, '"},', '{"b":1}]'])).toEqual({ events: [{ data: '{"b":1}' }], cuts: 1 });
  });

  it("tells a body that ends inside an overlong line", () => {
    expect(framed("sse", ["data: ", long, long])).toEqual({ events: [], cuts: 1 });
  });
});
