/** One SSE event; `event` is omitted for data-only streams (OpenAI chat, Gemini). */
export function sseEvent(data: unknown, event?: string, lineEnd = "\n"): string {
  const payload = typeof data === "string" ? data : JSON.stringify(data);
  return (event ? `event: ${event}${lineEnd}` : "") + `data: ${payload}${lineEnd}${lineEnd}`;
}

export function ndjsonLine(data: unknown): string {
  return JSON.stringify(data) + "\n";
}

/** Where the stream breaks for stream_cut / stream_error: after some content, before the end. */
export function breakPoint(partCount: number): number {
  return Math.max(1, Math.floor(partCount / 2));
}

/** Tool-call arguments arrive in small fragments, as the real API streams them. */
export function fragments(text: string, size = 8): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}
