// Every protocol is read as a sequence of chunks folded into one response: a
// JSON body is a single chunk, a stream is many. Sharing the fold keeps the
// rules (text appended, tool-call fragments joined by index, usage and finish
// reason taken from the latest chunk, never summed) identical everywhere.
import type { ToolCall } from "../types.ts";
import type { ParsedResponse, ProviderError, StreamAccumulator, StreamEvent } from "./types.ts";
import { toolCallOf } from "./prompt-text.ts";
import { clean, errorOf, obj, str, type Obj } from "./read.ts";
import { usageOf } from "./usage.ts";

/** What one chunk contributes. `index` joins tool-call fragments across chunks. */
export interface Chunk {
  text?: string | undefined;
  calls?: (Partial<ToolCall> & { index?: number | undefined })[];
  finish?: string | undefined;
  model?: string | undefined;
  /** the provider's usage object; its fields replace earlier ones */
  usage?: unknown;
  error?: ProviderError | undefined;
}

export type ChunkReader = (data: Obj, event?: string) => Chunk | undefined;

/** A refusal is an answer, but one the caller must see as filtered. */
export const REFUSAL: ProviderError = { kind: "content_filter", code: "refusal", message: "The model refused to answer" };

/** The text of the parts `isAnswer` keeps, and the tool calls among them (Anthropic content blocks, Gemini parts). */
export const partsChunk = (parts: Obj[], isAnswer: (p: Obj) => unknown, isCall: (p: Obj) => unknown): Chunk => ({
  text: parts.map((p) => (isAnswer(p) ? (str(p.text) ?? "") : "")).join(""),
  calls: parts.filter(isCall).map(toolCallOf),
});

export interface Fold extends StreamAccumulator {
  /** fold an already-parsed chunk; true when it carried text or tool-call data */
  add(data: unknown, event?: string): boolean;
}

export const fold = (read: ChunkReader): Fold => {
  let text = "", finish: string | undefined, model: string | undefined, error: ProviderError | undefined;
  let usage: Obj | undefined, anon = 0;
  const calls = new Map<number | string, ToolCall>();
  const add = (data: unknown, event?: string): boolean => {
    const d = obj(data), c = read(d, event) ?? {};
    if (c.text) text += c.text;
    for (const t of c.calls ?? []) {
      const key = t.index ?? `#${anon++}`, prev = calls.get(key);
      if (prev) {
        prev.arguments += t.arguments ?? "";
        prev.name ||= t.name ?? "";
        prev.id ??= t.id;
      } else calls.set(key, clean({ name: t.name ?? "", arguments: t.arguments ?? "", id: t.id }));
    }
    finish = c.finish ?? finish;
    model = c.model ?? model;
    for (const [k, v] of Object.entries(obj(c.usage))) if (v != null) (usage ??= {})[k] = v;
    error = c.error ?? errorOf(d) ?? error;
    return !!(c.text || c.calls?.length);
  };
  return {
    add,
    push(e: StreamEvent) {
      const s = e.data.trim();
      if (!s || s === "[DONE]") return { content: false };
      let data: unknown;
      try {
        data = JSON.parse(s);
      } catch {
        throw new Error(`stream event is not JSON: ${s.slice(0, 60)}`);
      }
      return { content: add(data, e.event) };
    },
    result: (): ParsedResponse =>
      clean({
        responseModel: model,
        completion: clean({ text, finishReason: finish, toolCalls: calls.size ? [...calls.values()].map((t) => ({ ...t })) : undefined }),
        usage: usage && usageOf(usage),
        error,
      }),
  };
};
