// Server-sent events per the WHATWG grammar: lines end in CRLF, LF or CR;
// ":" starts a comment; `data` lines of one event join with "\n"; a blank
// line dispatches. Hand-rolled rather than eventsource-parser: the recorder
// needs only `event` and `data`, and this is a fraction of the bytes (see the
// core benchmark for both measured side by side).
import type { EventSink, Framer } from "./framer.ts";

export function createSSEFramer(emit: EventSink): Framer {
  let carry = "";
  // a chunk ended in "\r": a "\n" opening the next chunk belongs to that line end
  let skipLF = false;
  let data: string[] = [];
  let event: string | undefined;

  const dispatch = () => {
    if (data.length > 0) emit(event === undefined ? { data: data.join("\n") } : { event, data: data.join("\n") });
    data = [];
    event = undefined;
  };

  const line = (text: string) => {
    if (text === "") return dispatch();
    const colon = text.indexOf(":");
    if (colon === 0) return;
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value.charCodeAt(0) === 32) value = value.slice(1);
    if (field === "data") data.push(value);
    else if (field === "event") event = value;
  };

  return {
    push(text) {
      let start = 0;
      if (skipLF && text.charCodeAt(0) === 10) start = 1;
      skipLF = false;
      const n = text.length;
      for (let i = start; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c !== 10 && c !== 13) continue;
        line(carry + text.slice(start, i));
        carry = "";
        if (c === 13) {
          if (i + 1 === n) skipLF = true;
          else if (text.charCodeAt(i + 1) === 10) i++;
        }
        start = i + 1;
      }
      if (start < n) carry += text.slice(start);
    },
    end() {
      // lenient: a last event without its blank line still counts
      if (carry !== "") line(carry);
      carry = "";
      dispatch();
    },
  };
}
