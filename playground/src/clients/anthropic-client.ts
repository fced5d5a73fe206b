import Anthropic from "@anthropic-ai/sdk";
import { baseUrl, isReal, PLACEHOLDER_KEY } from "./base-url.ts";
import type { ChatClient } from "./types.ts";

const client = new Anthropic({
  baseURL: baseUrl("anthropic", isReal("anthropic")),
  apiKey: PLACEHOLDER_KEY,
  dangerouslyAllowBrowser: true,
  maxRetries: 0,
});

export const anthropicChat: ChatClient = async (req, onDelta) => {
  const body = {
    model: req.model,
    max_tokens: 1024,
    temperature: req.temperature,
    ...(req.system ? { system: req.system } : {}),
    messages: [{ role: "user" as const, content: req.prompt }],
  };
  if (!req.stream) {
    const msg = await client.messages.create(body, { headers: req.headers });
    return msg.content.map((b) => (b.type === "text" ? b.text : "")).join("");
  }
  const stream = client.messages.stream(body, { headers: req.headers });
  let text = "";
  stream.on("text", (delta) => onDelta((text += delta)));
  await stream.finalMessage();
  return text;
};
