// The agent scenario, one request as one trace: search a vector store for
// context (a Qdrant query to the mock, recorded as a retrieval step), build
// the prompt in a deliberately slow preprocessing step, then a tool-using loop
// over two model calls (the tool's run becomes a tool step on its own).
import type OpenAI from "openai";
import { openaiClient } from "../clients/openai-client.ts";
import { recorder } from "../recorder.ts";
import { getWeather, WEATHER_TOOL } from "./weather-tool.ts";

export const AGENT_QUESTION = "What is the weather in Oslo today, and what should I pack?";
export const PREPROCESS_MS = 300;

interface Point {
  payload: { title: string; text: string };
}

export interface AgentResult {
  traceId: string;
  answer: string;
}

async function searchDocuments(question: string): Promise<Point[]> {
  const response = await fetch(`${location.origin}/mock-llm/collections/travel-docs/points/query`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: { text: question, model: "sentence-transformers/all-minilm-l6-v2" }, limit: 3, with_payload: true }),
  });
  return ((await response.json()) as { result: { points: Point[] } }).result.points;
}

/** chunking, ranking and templating stand-in: slow on purpose, so the trace shows time that is neither model nor search */
async function buildMessages(question: string, points: Point[]): Promise<OpenAI.Chat.ChatCompletionMessageParam[]> {
  await new Promise((resolve) => setTimeout(resolve, PREPROCESS_MS));
  const context = points.map((p) => `- ${p.payload.title}: ${p.payload.text}`).join("\n");
  return [
    { role: "system", content: `Answer with the documents below and the tools you have.\n${context}` },
    { role: "user", content: question },
  ];
}

export async function runAgent(question: string, tags: Record<string, string>, model = "gpt-4o-mini"): Promise<AgentResult> {
  const trace = recorder.startTrace("agent: weather and packing", { tags: { ...tags, feature: "agent" } });
  try {
    const answer = await trace.run(async () => {
      const points = await searchDocuments(question);
      const messages = await trace.step("build prompt", () => buildMessages(question, points), { kind: "preprocess" });
      const first = await openaiClient.chat.completions.create({ model, messages, tools: [WEATHER_TOOL] });
      const asked = first.choices[0]!.message;
      messages.push(asked);
      for (const call of asked.tool_calls ?? []) {
        if (call.type === "function") messages.push({ role: "tool", tool_call_id: call.id, content: await getWeather(call.function.arguments) });
      }
      const final = await openaiClient.chat.completions.create({ model, messages, tools: [WEATHER_TOOL] });
      return final.choices[0]!.message.content ?? "";
    });
    trace.end();
    return { traceId: trace.id, answer };
  } catch (error) {
    trace.end(error);
    throw error;
  }
}
