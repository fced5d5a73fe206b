import { PRICE_TABLE, type ModelPrice } from "./price-table.ts";

/** The family-comparable form of a model id: lower case, no path, no fine-tune, vendor or region prefix. */
export function normalizeModelName(model: string): string {
  // "models/gemini-2.5-flash", "ft:gpt-4o-mini-…", "us.anthropic.claude-…" on Bedrock
  return model.trim().toLowerCase().replace(/^(?:.*\/)?(?:ft:)?(?:[a-z]+\.(?=[a-z]))*/, "");
}

// The last part of an id that may follow its family: a dated snapshot
// ("-2024-08-06", "-20250929"), a Vertex version ("@20250929"), a fine-tune or
// Bedrock suffix (":0"). Not ".", so "gpt-4.1" never prices as "gpt-4".
const LAST_PART = /(?:^|[-@:_])[^-@:_]*$/;

/**
 * The price of a model: the longest family its id starts with, cutting one
 * part at a time from the end, so "gpt-4o-mini-2024-07-18" is gpt-4o-mini,
 * never gpt-4o. An override (keys compared normalized) wins over the built-in
 * table at equal length, so a more specific built-in family still wins over a
 * broader override.
 */
export function findPrice(model?: string, overrides?: Record<string, ModelPrice>): ModelPrice | undefined {
  if (typeof model != "string") return undefined;
  if (!overrides) {
    // every call is priced, and an app uses a handful of models: each is looked up once
    let price = builtIn.get(model);
    if (price === undefined) {
      if (builtIn.size >= MAX_REMEMBERED) builtIn.clear();
      builtIn.set(model, (price = lookUp(model) ?? null));
    }
    return price ?? undefined;
  }
  return lookUp(model, overrides);
}

const MAX_REMEMBERED = 256;
const builtIn = new Map<string, ModelPrice | null>();

function lookUp(model: string, overrides?: Record<string, ModelPrice>): ModelPrice | undefined {
  const own = new Map<string, ModelPrice>();
  for (const key in overrides) own.set(normalizeModelName(key), overrides[key]!);
  for (let name = normalizeModelName(model); name; name = name.replace(LAST_PART, "")) {
    const price = own.get(name) ?? PRICE_TABLE[name];
    if (price) return price;
  }
  return undefined;
}
