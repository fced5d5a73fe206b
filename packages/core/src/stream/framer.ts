// A framer turns decoded text, arriving in arbitrary pieces, into whole stream
// events. Splits never matter: the same events come out however the text is cut.
// Hand-rolled rather than eventsource-parser: the recorder needs only `event`
// and `data`, and this is a fraction of the bytes (see the core benchmark for
// both measured side by side).
import type { StreamEvent, StreamFormat } from "../providers/types.ts";

export interface Framer {
  /** feed the next piece of decoded text */
  push(text: string): void;
  /** the body ended: emit whatever complete-enough event is still pending */
  end(): void;
}

export type EventSink = (event: StreamEvent) => void;

export function createFramer(format: StreamFormat, emit: EventSink): Framer {
  if (format === "json-array") return jsonArrayFramer(emit);
  if (format === "sse") return createSSEFramer(emit);
  // NDJSON (Ollama): one event per non-blank line
  return lineFramer((line) => {
    const data = line.trim();
    if (data) emit({ data });
  });
}

export const createSSEFramer = (emit: EventSink): Framer => lineFramer(sseLines(emit));

/**
 * Lines ending in CRLF, LF or CR, whatever the splits. The body's end counts
 * as a line end followed by a blank line, so a last event without its blank
 * line still counts.
 */
function lineFramer(line: (text: string) => void): Framer {
  let carry = "";
  // a piece ended in "\r": a "\n" opening the next piece belongs to that line end
  let skipLF = false;
  return {
    push(text) {
      let start = skipLF && text.charCodeAt(0) === 10 ? 1 : 0;
      skipLF = false;
      for (let i = start; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        line(carry + text.slice(start, i));
        carry = "";
        if (c === 13) {
          if (i + 1 === text.length) skipLF = true;
          else if (text.charCodeAt(i + 1) === 10) i++;
        }
        start = i + 1;
      }
      carry += text.slice(start);
    },
    end() {
      if (carry) line(carry);
      carry = "";
      line("");
    },
  };
}

/**
 * Server-sent events per the WHATWG grammar: ":" starts a comment, `data`
 * lines of one event join with "\n", a blank line dispatches.
 */
function sseLines(emit: EventSink): (line: string) => void {
  let data: string | undefined;
  let event: string | undefined;
  return (line) => {
    if (!line) {
      if (data !== undefined) emit({ event, data });
      data = event = undefined;
      return;
    }
    const colon = line.indexOf(":");
    // a leading colon: a comment; no colon: all field, empty value; one space after the colon is dropped
    if (colon === 0) return;
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? "" : line.slice(line.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1);
    if (field === "data") data = data === undefined ? value : `${data}\n${value}`;
    else if (field === "event") event = value;
  };
}

/**
 * A streamed JSON array (Gemini :streamGenerateContent without alt=sse):
 * `[{…},\r\n{…}]` arriving in pieces. Each top-level element is emitted as
 * soon as it closes (an object at its "}", not at the comma that may come in
 * a later piece), tracking only nesting depth and string state.
 */
function jsonArrayFramer(emit: EventSink): Framer {
  let depth = 0; // 1 = inside the outer array
  let inString = false;
  let escaped = false;
  let element = ""; // the element being read, from earlier pieces
  const close = (text: string) => {
    const data = (element + text).trim();
    element = "";
    if (data) emit({ data });
  };
  return {
    push(text) {
      let from = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92) escaped = true;
          else if (c === 34) inString = false;
          continue;
        }
        // a separator or bracket that ends an element: the element runs up to it
        let end = -1;
        if (c === 34) inString = true;
        else if (c === 91 || c === 123) {
          // the outer "[" itself, and anything before it, is no element
          if (depth++ === 0) {
            from = i + 1;
            element = "";
          }
        } else if (c === 93 || c === 125) end = --depth === 1 ? i + 1 : depth === 0 ? i : -1;
        else if (c === 44 && depth === 1) end = i;
        if (end >= 0) {
          close(text.slice(from, end));
          from = i + 1;
        }
      }
      if (depth > 0) element += text.slice(from);
    },
    end: () => close(""),
  };
}
