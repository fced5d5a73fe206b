// One openai SDK for every variant, loaded as CommonJS: the instrumentations
// patch the module's classes, which an ESM namespace would not let them reach.
import { createRequire } from "node:module";

export const openaiModule = createRequire(import.meta.url)("openai");

export const client = (mockUrl, extra = {}) => new openaiModule.OpenAI({ apiKey: "sk-bench", baseURL: `${mockUrl}/v1`, maxRetries: 0, ...extra });
