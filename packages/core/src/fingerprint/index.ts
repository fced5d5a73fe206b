export { fingerprintPrompt } from "./fingerprint-prompt.ts";
export { normalizePromptText } from "./normalize-prompt-text.ts";
export { fnv1a64 } from "./fnv1a64.ts";
