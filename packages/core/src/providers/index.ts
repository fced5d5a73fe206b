export { registerProvider, findProvider, providers } from "./registry.ts";
export { textOf, buildPrompt } from "./prompt-text.ts";
