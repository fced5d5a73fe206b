// A streamed JSON array (Gemini :streamGenerateContent without alt=sse):
// `[{…},\r\n{…}]` arriving in pieces. Emits each top-level element's text as
// soon as it closes, tracking only nesting depth and string state.
import type { EventSink, Framer } from "./framer.ts";

export function createJSONArrayFramer(emit: EventSink): Framer {
  let depth = 0; // 1 = inside the outer array
  let inString = false;
  let escaped = false;
  let element = ""; // text of the element being read, from earlier pieces
  let reading = false;

  const close = (text: string) => {
    const data = (element + text).trim();
    element = "";
    reading = false;
    if (data !== "") emit({ data });
  };

  return {
    push(text) {
      let from = reading ? 0 : -1;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92) escaped = true;
          else if (c === 34) inString = false;
          continue;
        }
        if (c === 34) inString = true;
        if (depth === 1) {
          // a comma or the closing bracket ends a scalar element; objects end below
          if (c === 44 || c === 93) {
            if (reading) close(text.slice(from, i));
            if (c === 93) depth = 0;
            continue;
          }
          if (!reading && c !== 32 && c !== 10 && c !== 13 && c !== 9) {
            reading = true;
            from = i;
          }
        }
        if (c === 91 || c === 123) depth++;
        else if (c === 93 || c === 125) {
          depth--;
          if (depth === 1 && reading) close(text.slice(from, i + 1));
        }
      }
      if (reading) element += text.slice(from);
    },
    end() {
      if (reading) close("");
    },
  };
}
