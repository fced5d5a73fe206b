// The judge's request in each wire protocol the recorder reads, asking for the
// scores as a forced tool call so the answer is structured, not prose.
import type { QualityComponent } from "./evaluator.ts";

export type JudgeProtocol = "openai" | "anthropic" | "google" | "ollama";

export const SCORES_TOOL = "record_scores";

export interface JudgePrompt {
  system: string;
  user: string;
  components: readonly QualityComponent[];
}

export interface JudgeRequest {
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export function scoresSchema(components: readonly QualityComponent[]) {
  const properties = Object.fromEntries(
    components.map((c) => [c, { type: "integer", minimum: 0, maximum: 100, description: `${c}, 0 (worst) to 100 (best)` }]),
  );
  return { type: "object", properties, required: [...components] };
}

const join = (base: string, path: string) => `${base.replace(/\/+$/, "")}${path}`;

export function judgeRequest(protocol: JudgeProtocol, baseUrl: string, model: string, apiKey: string | undefined, p: JudgePrompt): JudgeRequest {
  const parameters = scoresSchema(p.components);
  const description = "Record the scores of the answer being judged.";
  const json = { "content-type": "application/json" };
  switch (protocol) {
    case "openai":
      return {
        url: join(baseUrl, "/chat/completions"),
        headers: { ...json, ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
        body: {
          model, temperature: 0,
          messages: [{ role: "system", content: p.system }, { role: "user", content: p.user }],
          tools: [{ type: "function", function: { name: SCORES_TOOL, description, parameters } }],
          tool_choice: { type: "function", function: { name: SCORES_TOOL } },
        },
      };
    case "anthropic":
      return {
        url: join(baseUrl, "/v1/messages"),
        headers: { ...json, "anthropic-version": "2023-06-01", ...(apiKey ? { "x-api-key": apiKey } : {}) },
        body: {
          model, max_tokens: 400, temperature: 0, system: p.system,
          messages: [{ role: "user", content: p.user }],
          tools: [{ name: SCORES_TOOL, description, input_schema: parameters }],
          tool_choice: { type: "tool", name: SCORES_TOOL },
        },
      };
    case "google":
      return {
        url: join(baseUrl, `/v1beta/models/${encodeURIComponent(model)}:generateContent`),
        headers: { ...json, ...(apiKey ? { "x-goog-api-key": apiKey } : {}) },
        body: {
          systemInstruction: { parts: [{ text: p.system }] },
          contents: [{ role: "user", parts: [{ text: p.user }] }],
          generationConfig: { temperature: 0 },
          tools: [{ functionDeclarations: [{ name: SCORES_TOOL, description, parameters }] }],
          toolConfig: { functionCallingConfig: { mode: "ANY", allowedFunctionNames: [SCORES_TOOL] } },
        },
      };
    case "ollama":
      return {
        url: join(baseUrl, "/api/chat"),
        headers: json,
        body: {
          model, stream: false, options: { temperature: 0 },
          messages: [{ role: "system", content: p.system }, { role: "user", content: p.user }],
          tools: [{ type: "function", function: { name: SCORES_TOOL, description, parameters } }],
        },
      };
  }
}
