import { generateText, streamText } from "ai";
import { createOpenAI } from "@ai-sdk/openai";
import { baseUrl, isReal, PLACEHOLDER_KEY } from "./base-url.ts";
import type { ChatClient } from "./types.ts";

const openai = createOpenAI({ baseURL: baseUrl("openai", isReal("openai")), apiKey: PLACEHOLDER_KEY });

/** The AI SDK's `streamText` / `generateText` through its OpenAI provider (the Responses API). */
export const aiSdkChat: ChatClient = async (req, onDelta) => {
  const options = {
    model: openai(req.model),
    ...(req.system ? { system: req.system } : {}),
    prompt: req.prompt,
    temperature: req.temperature,
    headers: req.headers,
    maxRetries: 0,
  };
  if (!req.stream) return (await generateText(options)).text;
  let text = "";
  let failure: unknown;
  const result = streamText({ ...options, onError: ({ error }) => void (failure = error) });
  for await (const delta of result.textStream) onDelta((text += delta));
  if (failure) throw failure;
  return text;
};
