// List prices in USD per 1M tokens: standard tier, short context (Gemini's
// >200k and OpenAI's >272k long-context tariffs are not modelled). Compiled on
// PRICE_DATE from the providers' pricing pages as quoted in public sources;
// override any entry through the recorder's `prices` option.
export type ModelPrice = { input: number; cachedInput?: number; cacheWrite?: number; output: number };

export const PRICE_DATE = "2026-11-26";

// Compact text rather than object literals, because this ships in the core
// bundle. Each group is "prefix|family input output [cachedInput [cacheWrite]];…".
// A family written "-x" is the last full family plus "-x": in "gpt-|4o 2.5 10;-mini …"
// the second is gpt-4o-mini. Without a cached rate, cached tokens bill at the
// input rate; the "claude-" group derives Anthropic's: reads 0.1×, 5-minute
// writes 1.25× input, unless listed.
const GROUPS = [
  "gpt-|5.5 5 30 .5;-pro 30 180;5.4 2.5 15 .25;-mini .75 4.5 .075;-nano .2 1.25 .02;-pro 30 180;" +
    "5.2 1.75 14 .175;-pro 21 168;5.1 1.25 10 .125;5 1.25 10 .125;-mini .25 2 .025;-nano .05 .4 .005;-pro 15 120;" +
    "4.1 2 8 .5;-mini .4 1.6 .1;-nano .1 .4 .025;4o 2.5 10 1.25;-mini .15 .6 .075;4 30 60;-turbo 10 30;3.5-turbo .5 1.5",
  "|chatgpt-4o-latest 5 15;o3 2 8 .5;-pro 20 80;-mini 1.1 4.4 .55;o4-mini 1.1 4.4 .275;o1 15 60 7.5;-pro 150 600;" +
    "-mini 1.1 4.4 .55;text-embedding-3-small .02 0;text-embedding-3-large .13 0;text-embedding-ada-002 .1 0",
  "claude-|opus-5 5 25;opus-4 15 75;-8 5 25;-7 5 25;-6 5 25;-5 5 25;-1 15 75;sonnet-4 3 15;-6 3 15;-5 3 15;" +
    "3-7-sonnet 3 15;3-5-sonnet 3 15;haiku-4-5 1 5;3-5-haiku .8 4;3-opus 15 75;3-haiku .25 1.25 .03 .3",
  "gemini-|3-pro 2 12 .2;3-flash .5 3 .05;2.5-pro 1.25 10 .125;2.5-flash .3 2.5 .03;-lite .1 .4 .01;" +
    "2.0-flash .1 .4 .025;-lite .075 .3",
];

function buildTable(): Record<string, ModelPrice> {
  // no prototype, so a model named "constructor" finds nothing
  const table: Record<string, ModelPrice> = Object.create(null);
  for (const group of GROUPS) {
    const [prefix = "", rows = ""] = group.split("|");
    let base = "";
    for (const row of rows.split(";")) {
      const [name = "", ...rates] = row.split(" ");
      const [input = 0, output = 0, cachedInput, cacheWrite] = rates.map(Number);
      const family = name[0] == "-" ? base + name : (base = prefix + name);
      const price: ModelPrice = { input, output };
      if (prefix == "claude-") {
        price.cachedInput = cachedInput ?? input * 0.1;
        price.cacheWrite = cacheWrite ?? input * 1.25;
      } else if (cachedInput !== undefined) price.cachedInput = cachedInput;
      table[family] = price;
    }
  }
  return table;
}

/** USD per 1M tokens by model family (dated snapshots resolve through findPrice). */
export const PRICE_TABLE: Record<string, ModelPrice> = /* @__PURE__ */ buildTable();
