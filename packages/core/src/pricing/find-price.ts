import { PRICE_TABLE, type ModelPrice } from "./price-table.ts";

// What may follow a family name in a model id: a dated snapshot
// ("-2024-08-06", "-20250929"), a Vertex version ("@20250929"), a fine-tune
// or Bedrock suffix (":0"). Not ".", so "gpt-4.1" never prices as "gpt-4".
const BOUNDARY = /^[-@:_]/;

/** The family-comparable form of a model id: lower case, no path, no vendor or region prefix. */
export function normalizeModelName(model: string): string {
  let name = model.trim().toLowerCase();
  name = name.slice(name.lastIndexOf("/") + 1); // "models/gemini-2.5-flash", "openai/gpt-4o"
  name = name.replace(/^ft:/, "");
  return name.replace(/^(?:[a-z]+\.)+(?=[a-z])/, ""); // "us.anthropic.claude-…" on Bedrock
}

function longestFamily(table: Record<string, ModelPrice>, name: string): string | undefined {
  let best: string | undefined;
  for (const key of Object.keys(table)) {
    const family = key.toLowerCase();
    if (!name.startsWith(family)) continue;
    if (name.length > family.length && !BOUNDARY.test(name.slice(family.length))) continue;
    if (best === undefined || family.length > best.length) best = key;
  }
  return best;
}

/**
 * The price of a model: the longest family name its id starts with, so
 * "gpt-4o-mini-2024-07-18" is gpt-4o-mini, never gpt-4o. An override wins over
 * the built-in table unless the table knows a more specific family.
 */
export function findPrice(model?: string, overrides?: Record<string, ModelPrice>): ModelPrice | undefined {
  if (typeof model !== "string" || model.trim() === "") return undefined;
  if (overrides?.[model]) return overrides[model];
  const name = normalizeModelName(model);
  const own = overrides ? longestFamily(overrides, name) : undefined;
  const builtIn = longestFamily(PRICE_TABLE, name);
  if (own !== undefined && (builtIn === undefined || own.length >= builtIn.length)) return overrides![own];
  return builtIn === undefined ? undefined : PRICE_TABLE[builtIn];
}
