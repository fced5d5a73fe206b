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

/**
 * The most text one event may gather across chunks (UTF-16 code units, 8 MB
 * of heap). Providers' events are small, the largest being a Responses
 * stream's last event repeating the whole answer; an event beyond this is
 * skipped and `cut` is told, so a body without line ends (a decompression
 * bomb) cannot make the framer hold it.
 */
export const MAX_EVENT_CHARS = 4 << 20;

export function createFramer(format: StreamFormat, emit: EventSink, cut: () => void = () => {}, max = MAX_EVENT_CHARS): Framer {
  if (format === "json-array") return jsonArrayFramer(emit, cut, max);
  if (format === "sse") return createSSEFramer(emit, cut, max);
  // NDJSON (Ollama): one event per non-blank line
  return lineFramer((line) => {
    const data = line.trim();
    if (data) emit({ data });
  }, cut, max);
}

export const createSSEFramer = (emit: EventSink, cut: () => void = () => {}, max = MAX_EVENT_CHARS): Framer => {
  const sse = sseLines(emit, cut, max);
  return lineFramer(sse.line, sse.overlong, max);
};

/**
 * Lines ending in CRLF, LF or CR, whatever the splits. The body's end counts
 * as a line end followed by a blank line, so a last event without its blank
 * line still counts.
 */
function lineFramer(line: (text: string) => void, overlong: () => void, max: number): Framer {
  let carry = "";
  // the line being read grew past max: its text is let go up to its end
  let skipping = false;
  // a piece ended in "\r": a "\n" opening the next piece belongs to that line end
  let skipLF = false;
  return {
    push(text) {
      let start = skipLF && text.charCodeAt(0) === 10 ? 1 : 0;
      skipLF = false;
      // line ends found by the runtime's search, indexOf: a loop of ours over every character runs in the interpreter
      // for a process's first streams, and a pattern's match objects were a stream's most frequent garbage. The next
      // "\r" is looked for again only once passed, so a piece without one (nearly every piece) is searched for it once.
      let cr = text.indexOf("\r", start);
      for (;;) {
        let end = text.indexOf("\n", start);
        let next = end + 1;
        if (cr >= 0 && cr < start) cr = text.indexOf("\r", start);
        if (cr >= 0 && (end < 0 || cr < end)) (end = cr), (next = text.charCodeAt(cr + 1) === 10 ? cr + 2 : cr + 1);
        if (end < 0) break;
        if (skipping) {
          skipping = false;
          overlong();
        } else line(carry + text.slice(start, end));
        carry = "";
        start = next;
        // a "\r" ending the piece: a "\n" opening the next one belongs to it
        skipLF = end === cr && next === text.length;
      }
      if (skipping) return;
      carry += text.slice(start);
      if (carry.length > max) {
        carry = "";
        skipping = true;
      }
    },
    end() {
      if (skipping) overlong();
      else if (carry) line(carry);
      carry = "";
      skipping = false;
      line("");
    },
  };
}

/** whether a line's field (up to its first colon, or all of it) is name */
const isField = (line: string, colon: number, name: string): boolean => (colon < 0 ? line === name : colon === name.length && line.startsWith(name));

/**
 * Server-sent events per the WHATWG grammar: ":" starts a comment, `data`
 * lines of one event join with "\n", a blank line dispatches.
 */
function sseLines(emit: EventSink, cut: () => void, max: number): { line: (line: string) => void; overlong: () => void } {
  let data: string | undefined;
  let event: string | undefined;
  // a line of this event was too long, or its data grew past max: the event is skipped
  let dropped = false;
  const overlong = () => void (dropped = true);
  const line = (line: string) => {
    if (!line) {
      if (dropped) cut();
      else if (data !== undefined) emit({ event, data });
      data = event = undefined;
      dropped = false;
      return;
    }
    const colon = line.indexOf(":");
    // a leading colon: a comment; no colon: all field, empty value; one space after the colon is dropped
    if (colon === 0 || dropped) return;
    // the field compared in place, not sliced out: a string less for every line
    const value = colon < 0 ? "" : line.slice(line.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1);
    if (isField(line, colon, "data")) data = data === undefined ? value : `${data}\n${value}`;
    else if (isField(line, colon, "event")) event = value;
    if (data !== undefined && data.length > max) {
      data = undefined;
      dropped = true;
    }
  };
  return { line, overlong };
}

/**
 * A streamed JSON array (Gemini :streamGenerateContent without alt=sse):
 * `[{…},\r\n{…}]` arriving in pieces. Each top-level element is emitted as
 * soon as it closes (an object at its "}", not at the comma that may come in
 * a later piece), tracking only nesting depth and string state.
 */
function jsonArrayFramer(emit: EventSink, cut: () => void, max: number): Framer {
  let depth = 0; // 1 = inside the outer array
  let inString = false;
  let escaped = false;
  let element = ""; // the element being read, from earlier pieces
  let skipping = false; // it grew past max: read to its end, kept no more
  const close = (text: string) => {
    const data = skipping ? "" : (element + text).trim();
    element = "";
    if (skipping) cut();
    else if (data) emit({ data });
    skipping = false;
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
      if (depth > 0 && !skipping) element += text.slice(from);
      if (element.length > max) {
        element = "";
        skipping = true;
      }
    },
    end: () => close(""),
  };
}
