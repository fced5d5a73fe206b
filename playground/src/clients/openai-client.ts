import OpenAI from "openai";
import { baseUrl, isReal, PLACEHOLDER_KEY } from "./base-url.ts";
import type { ChatClient } from "./types.ts";

/** shared with the agent demo, which runs its tool loop through the same SDK */
export const openaiClient = new OpenAI({
  baseURL: baseUrl("openai", isReal("openai")),
  apiKey: PLACEHOLDER_KEY,
  dangerouslyAllowBrowser: true,
  maxRetries: 0,
});

export const openaiChat: ChatClient = async (req, onDelta) => {
  const messages: OpenAI.Chat.ChatCompletionMessageParam[] = [];
  if (req.system) messages.push({ role: "system", content: req.system });
  messages.push({ role: "user", content: req.prompt });
  const body = { model: req.model, messages, temperature: req.temperature };
  if (!req.stream) {
    const res = await openaiClient.chat.completions.create(body, { headers: req.headers });
    return res.choices[0]?.message.content ?? res.choices[0]?.message.refusal ?? "";
  }
  const stream = await openaiClient.chat.completions.create(
    { ...body, stream: true, stream_options: { include_usage: true } },
    { headers: req.headers },
  );
  let text = "";
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta.content ?? "";
    if (delta) onDelta((text += delta));
  }
  return text;
};
