import { GoogleGenAI } from "@google/genai";
import { baseUrl, isReal, PLACEHOLDER_KEY } from "./base-url.ts";
import type { ChatClient } from "./types.ts";

export const geminiChat: ChatClient = async (req, onDelta) => {
  // headers are per client in @google/genai; a client is cheap to build
  const ai = new GoogleGenAI({
    apiKey: PLACEHOLDER_KEY,
    httpOptions: { baseUrl: baseUrl("google", isReal("google")), headers: req.headers },
  });
  const params = {
    model: req.model,
    contents: req.prompt,
    config: { temperature: req.temperature, ...(req.system ? { systemInstruction: req.system } : {}) },
  };
  if (!req.stream) return (await ai.models.generateContent(params)).text ?? "";
  let text = "";
  for await (const chunk of await ai.models.generateContentStream(params)) {
    if (chunk.text) onDelta((text += chunk.text));
  }
  return text;
};
