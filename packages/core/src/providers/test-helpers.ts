// Shared by the adapter tests: feed SSE/NDJSON fixtures the way the recorder does.
import type { ProviderAdapter, ProviderMatch, StreamEvent } from "./types.ts";

export const sseEvents = (text: string): StreamEvent[] =>
  text
    .trim()
    .split(/\n\n+/)
    .map((block) => {
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = block
        .split("\n")
        .filter((l) => l.startsWith("data:"))
        .map((l) => l.slice(5).trimStart())
        .join("\n");
      return event ? { event, data } : { data };
    });

/** pushes every event and returns the accumulated result plus which events counted as content */
export const runStream = (adapter: ProviderAdapter, match: ProviderMatch, events: StreamEvent[]) => {
  const acc = adapter.createStream(match);
  const content = events.map((e) => acc.push(e).content);
  return { result: acc.result(), content };
};
