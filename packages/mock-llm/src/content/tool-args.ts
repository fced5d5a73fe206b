import { hashString } from "./hash.ts";

const WORDS = ["Paris", "Tokyo", "Berlin", "Lima", "Oslo", "Cairo", "Austin", "Seoul"];

/** Deterministic arguments that fit a JSON schema's required (or all) properties. */
export function argumentsFor(schema: unknown, prompt: string): Record<string, unknown> {
  const s = (schema && typeof schema === "object" ? schema : {}) as Record<string, unknown>;
  const properties = (s.properties && typeof s.properties === "object" ? s.properties : {}) as Record<string, unknown>;
  const required = Array.isArray(s.required) ? (s.required as unknown[]).filter((k) => typeof k === "string") : [];
  const names = required.length > 0 ? (required as string[]) : Object.keys(properties);
  const h = hashString(prompt);
  const args: Record<string, unknown> = {};
  names.forEach((name, i) => {
    args[name] = valueFor(properties[name], h + i);
  });
  if (names.length === 0) args.location = WORDS[h % WORDS.length];
  return args;
}

function valueFor(property: unknown, h: number): unknown {
  const p = (property && typeof property === "object" ? property : {}) as Record<string, unknown>;
  if (Array.isArray(p.enum) && p.enum.length > 0) return p.enum[h % p.enum.length];
  const type = typeof p.type === "string" ? p.type.toLowerCase() : "string";
  if (type === "number" || type === "integer") return (h % 90) + 10;
  if (type === "boolean") return h % 2 === 0;
  if (type === "array") return [];
  if (type === "object") return {};
  return WORDS[h % WORDS.length];
}
