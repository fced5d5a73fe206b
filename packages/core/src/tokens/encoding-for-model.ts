export type Encoding = "o200k_base" | "cl100k_base";

// gpt-4 (but not gpt-4o / 4.1 / 4.5), gpt-3.5 and the embedding models kept
// cl100k; everything newer, and anything unknown, is o200k.
const CL100K_MODEL = /^(?:gpt-4(?![o.\d])|gpt-3\.5|gpt-35|text-embedding-3|text-embedding-ada-002)/;

/** The tiktoken encoding a model's tokens are counted with. */
export function encodingForModel(model?: string): Encoding {
  if (!model) return "o200k_base";
  const name = (model.toLowerCase().split("/").pop() ?? "").replace(/^ft:/, "");
  return CL100K_MODEL.test(name) ? "cl100k_base" : "o200k_base";
}
