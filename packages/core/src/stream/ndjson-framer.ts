// Newline-delimited JSON (Ollama): one event per non-blank line; CRLF tolerated.
import type { EventSink, Framer } from "./framer.ts";

export function createNDJSONFramer(emit: EventSink): Framer {
  let carry = "";
  const line = (text: string) => {
    const trimmed = text.trim();
    if (trimmed !== "") emit({ data: trimmed });
  };
  return {
    push(text) {
      let start = 0;
      let nl = text.indexOf("\n");
      while (nl >= 0) {
        line(carry + text.slice(start, nl));
        carry = "";
        start = nl + 1;
        nl = text.indexOf("\n", start);
      }
      if (start < text.length) carry += text.slice(start);
    },
    end() {
      line(carry);
      carry = "";
    },
  };
}
