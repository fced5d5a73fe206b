// A call as OpenTelemetry GenAI semantic-convention attributes (gen_ai.*),
// following the current registry: gen_ai.provider.name (gen_ai.system is the
// older name, not emitted), cache tokens as gen_ai.usage.cache_read.input_tokens,
// content as gen_ai.input.messages / gen_ai.output.messages JSON only when asked.
import type { Attributes } from "@opentelemetry/api";
import type { LLMCall } from "@llmscope/core";

const OPERATION_NAMES: Record<LLMCall["operation"], string> = {
  chat: "chat",
  responses: "chat",
  completion: "text_completion",
  embeddings: "embeddings",
  generate: "generate_content",
};

const PROVIDER_NAMES: Record<string, string> = {
  google: "gcp.gemini",
  gemini: "gcp.gemini",
  vertex: "gcp.vertex_ai",
  azure: "azure.ai.openai",
  bedrock: "aws.bedrock",
  mistral: "mistral_ai",
};

export function operationName(call: LLMCall): string {
  return OPERATION_NAMES[call.operation] ?? call.operation;
}

export function genAiAttributes(call: LLMCall, includeContent: boolean): Attributes {
  const a: Attributes = {
    "gen_ai.operation.name": operationName(call),
    "gen_ai.provider.name": PROVIDER_NAMES[call.provider] ?? call.provider,
  };
  const set = (key: string, value: string | number | boolean | string[] | undefined) => {
    if (value !== undefined) a[key] = value;
  };
  set("gen_ai.request.model", call.model);
  set("gen_ai.request.temperature", call.params.temperature);
  set("gen_ai.request.max_tokens", call.params.maxTokens);
  set("gen_ai.request.top_p", call.params.topP);
  set("gen_ai.response.model", call.responseModel);
  set("gen_ai.response.id", typeof call.params.responseId === "string" ? call.params.responseId : undefined);
  if (call.completion.finishReason) a["gen_ai.response.finish_reasons"] = [call.completion.finishReason];
  set("gen_ai.usage.input_tokens", call.usage.inputTokens);
  set("gen_ai.usage.output_tokens", call.usage.outputTokens);
  set("gen_ai.usage.cache_read.input_tokens", call.usage.cachedInputTokens);
  set("gen_ai.usage.cache_creation.input_tokens", call.usage.cacheWriteTokens);
  set("gen_ai.usage.reasoning.output_tokens", call.usage.reasoningTokens);
  set("gen_ai.conversation.id", call.sessionId);
  set("error.type", call.error?.kind);
  set("http.response.status_code", call.status);
  try {
    const url = new URL(call.url);
    set("server.address", url.hostname);
  } catch {
    // a relative or missing url has no server to name
  }
  set("user.id", call.tags.userId);
  set("llmscope.call_id", call.id);
  set("llmscope.fingerprint", call.fingerprint);
  set("llmscope.usage.source", call.usage.source);
  set("llmscope.cost_usd", call.cost?.totalUSD);
  set("llmscope.ttft_ms", call.timing.ttftMs);
  set("llmscope.ttfb_ms", call.timing.ttfbMs);
  for (const [k, v] of Object.entries(call.tags)) if (k !== "userId") a[`llmscope.tag.${k}`] = v;
  if (includeContent) Object.assign(a, contentAttributes(call));
  return a;
}

function contentAttributes(call: LLMCall): Attributes {
  const input = call.prompt.messages
    .filter((m) => m.role !== "system")
    .map((m) => ({ role: m.role, parts: [{ type: "text", content: m.content }] }));
  const output = [
    {
      role: "assistant",
      parts: [
        ...(call.completion.text ? [{ type: "text", content: call.completion.text }] : []),
        ...(call.completion.toolCalls ?? []).map((t) => ({ type: "tool_call", name: t.name, arguments: t.arguments, ...(t.id ? { id: t.id } : {}) })),
      ],
      ...(call.completion.finishReason ? { finish_reason: call.completion.finishReason } : {}),
    },
  ];
  const a: Attributes = {
    "gen_ai.input.messages": JSON.stringify(input),
    "gen_ai.output.messages": JSON.stringify(output),
  };
  if (call.prompt.system) a["gen_ai.system_instructions"] = JSON.stringify([{ type: "text", content: call.prompt.system }]);
  return a;
}
