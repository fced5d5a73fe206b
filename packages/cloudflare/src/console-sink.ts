// `wrangler tail` shows what a Worker logs: one JSON line per call, with the
// texts cut so a long prompt cannot flood the log. The "llmscope" key makes the
// lines easy to pick out (`wrangler tail --search llmscope`).
import type { LLMCall, Sink } from "@llmscope/core";

export const CONSOLE_TEXT_LIMIT = 1000;

export interface ConsoleSinkOptions {
  /** where the line goes; console.log by default */
  log?: (line: string) => void;
  /** characters kept of prompt and completion text */
  textLimit?: number;
}

export function consoleSink(options: ConsoleSinkOptions = {}): Sink {
  const limit = options.textLimit ?? CONSOLE_TEXT_LIMIT;
  const log = options.log ?? ((line: string) => console.log(line));
  return {
    name: "console",
    write(call) {
      log(JSON.stringify(consoleLine(call, limit)));
    },
  };
}

export function consoleLine(call: LLMCall, limit = CONSOLE_TEXT_LIMIT): Record<string, unknown> {
  return {
    llmscope: 1,
    id: call.id,
    startedAt: call.startedAt,
    provider: call.provider,
    operation: call.operation,
    model: call.responseModel ?? call.model,
    status: call.status,
    stream: call.stream,
    usage: call.usage,
    costUSD: call.cost?.totalUSD,
    timing: call.timing,
    error: call.error,
    tags: call.tags,
    traceparent: call.traceparent,
    fingerprint: call.fingerprint,
    prompt: cut(call.prompt?.text ?? "", limit),
    completion: cut(call.completion?.text ?? "", limit),
  };
}

function cut(text: string, limit: number): string {
  return text.length > limit ? `${text.slice(0, limit)}…` : text;
}
