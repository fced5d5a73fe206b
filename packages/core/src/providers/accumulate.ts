// Every protocol is read as a sequence of chunks folded into one response: a
// JSON body is a single chunk, a stream is many. Sharing the fold keeps the
// rules (text appended, tool-call fragments joined by index, usage and finish
// reason taken from the latest chunk, never summed) identical everywhere.
import type { ToolCall } from "../types.ts";
import type { ParsedResponse, ProviderError, StreamAccumulator, StreamEvent } from "./types.ts";
import { toolCallOf } from "./prompt-text.ts";
import { clean, errorOf, obj, str, type Obj } from "./read.ts";
import { usageOf } from "./usage.ts";
import { utf8Size } from "../stream/text-capture.ts";

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

/**
 * A stream event's text and model read straight from its JSON text, for the
 * one shape that carries nothing else (a protocol's plain text delta), or
 * undefined for any other event, which is parsed. Whatever it reads, the
 * parse would have read the same.
 */
export type QuickReader = (data: string) => { text: string; model: string } | undefined;

/** A refusal is an answer, but one the caller must see as filtered. */
export const REFUSAL: ProviderError = { kind: "content_filter", code: "refusal", message: "The model refused to answer" };

/** The text of the parts `isAnswer` keeps, and the tool calls among them (Anthropic content blocks, Gemini parts). */
export const partsChunk = (parts: Obj[], isAnswer: (p: Obj) => unknown, isCall: (p: Obj) => unknown): Chunk => ({
  text: parts.map((p) => (isAnswer(p) ? (str(p.text) ?? "") : "")).join(""),
  calls: parts.filter(isCall).map(toolCallOf),
});

/** tool calls kept per response; a stream announcing more is cut there */
const MAX_TOOL_CALLS = 256;

export interface Fold extends StreamAccumulator {
  /** fold an already-parsed chunk; true when it carried text or tool-call data */
  add(data: unknown, event?: string): boolean;
}

/**
 * The fold of one response. Text and tool-call arguments are kept up to
 * maxTextBytes of UTF-8 between them, as captured bodies are: a stream of any
 * length holds at most that much, and the result says it was cut.
 */
export const fold = (read: ChunkReader, maxTextBytes = Infinity, quick?: QuickReader): Fold => {
  let text = "", finish: string | undefined, model: string | undefined, error: ProviderError | undefined;
  let usage: Obj | undefined, u: Obj, anon = 0, room = maxTextBytes, cut = false;
  const calls = new Map<number | string, ToolCall>();
  /** as much of piece as there is room for, never splitting a character */
  const keep = (piece: string): string => {
    if (room === Infinity || !piece) return piece;
    if (cut) return "";
    const { bytes, fits } = utf8Size(piece, room);
    if (fits === piece.length) return (room -= bytes), piece;
    cut = true;
    return piece.slice(0, fits);
  };
  const add = (data: unknown, event?: string): boolean => {
    const d = obj(data), c = read(d, event) ?? {};
    if (c.text) text += keep(c.text);
    for (const t of c.calls ?? []) {
      const key = t.index ?? `#${anon++}`, prev = calls.get(key);
      if (prev) {
        prev.arguments += keep(t.arguments ?? "");
        prev.name ||= keep(t.name ?? "");
        prev.id ??= t.id;
      } else if (calls.size < MAX_TOOL_CALLS) calls.set(key, clean({ name: keep(t.name ?? ""), arguments: keep(t.arguments ?? ""), id: t.id }));
      else cut = true;
    }
    finish = c.finish ?? finish;
    model = c.model ?? model;
    // by key, not Object.entries: no pair per field (usage is JSON, with no inherited keys to enumerate)
    for (const k in (u = obj(c.usage))) if (u[k] != null) (usage ??= {})[k] = u[k];
    error = c.error ?? errorOf(d) ?? error;
    return !!(c.text || c.calls?.length);
  };
  return {
    add,
    push(e: StreamEvent) {
      const s = e.data.trim();
      if (!s || s === "[DONE]") return { content: false };
      const q = quick?.(s);
      if (q) {
        if (q.text) text += keep(q.text);
        model = q.model;
        return { content: !!q.text };
      }
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
        truncated: cut || undefined,
      }),
  };
};
