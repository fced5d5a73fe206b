// Keeps the first maxBytes of a body as text and counts every byte, so a
// record says how big the body really was and whether it was cut.
import { utf8Prefix } from "./utf8.ts";

export interface CapturedText {
  body: string;
  bodyBytes: number;
  truncated: boolean;
}

export interface TextCapture {
  add(text: string, bytes: number): void;
  result(): CapturedText;
}

export function createTextCapture(maxBytes: number): TextCapture {
  const parts: string[] = [];
  let kept = 0;
  let total = 0;
  let truncated = false;
  return {
    add(text, bytes) {
      total += bytes;
      if (truncated) return;
      if (kept + bytes <= maxBytes) {
        parts.push(text);
        kept += bytes;
        return;
      }
      parts.push(utf8Prefix(text, maxBytes - kept));
      truncated = true;
    },
    result: () => ({ body: parts.join(""), bodyBytes: total, truncated }),
  };
}

/** one whole text at once (request bodies, non-streamed responses) */
export function captureText(text: string, bytes: number, maxBytes: number): CapturedText {
  if (bytes <= maxBytes) return { body: text, bodyBytes: bytes, truncated: false };
  return { body: utf8Prefix(text, maxBytes), bodyBytes: bytes, truncated: true };
}
