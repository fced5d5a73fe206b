import { hashString } from "./hash.ts";

const WORDS = ["Paris", "Tokyo", "Berlin", "Lima", "Oslo", "Cairo", "Austin", "Seoul"];

/**
 * Deterministic arguments that fit a JSON schema's required (or all) properties.
 * A string takes a place the question names ("weather in Oslo" → "Oslo"), else one picked by hash.
 */
export function argumentsFor(schema: unknown, prompt: string, question = prompt): Record<string, unknown> {
  const s = (schema && typeof schema === "object" ? schema : {}) as Record<string, unknown>;
  const properties = (s.properties && typeof s.properties === "object" ? s.properties : {}) as Record<string, unknown>;
  const required = Array.isArray(s.required) ? (s.required as unknown[]).filter((k) => typeof k === "string") : [];
  const names = required.length > 0 ? (required as string[]) : Object.keys(properties);
  const h = hashString(prompt);
  const named = WORDS.find((word) => new RegExp(`\\b${word}\\b`).test(question));
  const args: Record<string, unknown> = {};
  names.forEach((name, i) => {
    args[name] = valueFor(properties[name], h + i, named);
  });
  if (names.length === 0) args.location = named ?? WORDS[h % WORDS.length];
  return args;
}

function valueFor(property: unknown, h: number, named: string | undefined): unknown {
  const p = (property && typeof property === "object" ? property : {}) as Record<string, unknown>;
  if (Array.isArray(p.enum) && p.enum.length > 0) return p.enum[h % p.enum.length];
  const type = typeof p.type === "string" ? p.type.toLowerCase() : "string";
  if (type === "number" || type === "integer") return (h % 90) + 10;
  if (type === "boolean") return h % 2 === 0;
  if (type === "array") return [];
  if (type === "object") return {};
  return named ?? WORDS[h % WORDS.length];
}
