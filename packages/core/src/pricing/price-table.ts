// List prices in USD per 1M tokens: standard tier, short context (Gemini's
// >200k and OpenAI's >272k long-context tariffs are not modelled). Compiled on
// PRICE_DATE from the providers' pricing pages as quoted in public sources;
// override any entry through the recorder's `prices` option.

export type ModelPrice = { input: number; cachedInput?: number; cacheWrite?: number; output: number };

export const PRICE_DATE = "2026-11-26";

// "name input output [cachedInput [cacheWrite]]" — a string rather than object
// literals because this ships in the core bundle; entries without a cached
// rate bill cached tokens at the input rate.
const OPENAI =
  "gpt-5.5 5 30 .5;gpt-5.5-pro 30 180;gpt-5.4 2.5 15 .25;gpt-5.4-mini .75 4.5 .075;gpt-5.4-nano .2 1.25 .02;" +
  "gpt-5.4-pro 30 180;gpt-5.2 1.75 14 .175;gpt-5.2-pro 21 168;gpt-5.1 1.25 10 .125;gpt-5 1.25 10 .125;" +
  "gpt-5-mini .25 2 .025;gpt-5-nano .05 .4 .005;gpt-5-pro 15 120;gpt-4.1 2 8 .5;gpt-4.1-mini .4 1.6 .1;" +
  "gpt-4.1-nano .1 .4 .025;gpt-4o 2.5 10 1.25;gpt-4o-mini .15 .6 .075;chatgpt-4o-latest 5 15;o3 2 8 .5;o3-pro 20 80;" +
  "o3-mini 1.1 4.4 .55;o4-mini 1.1 4.4 .275;o1 15 60 7.5;o1-pro 150 600;o1-mini 1.1 4.4 .55;gpt-4-turbo 10 30;" +
  "gpt-4 30 60;gpt-3.5-turbo .5 1.5;text-embedding-3-small .02 0;text-embedding-3-large .13 0;text-embedding-ada-002 .1 0";

// Anthropic: cache reads at 0.1× input and 5-minute cache writes at 1.25× input, unless listed.
const ANTHROPIC =
  "claude-opus-5 5 25;claude-opus-4-8 5 25;claude-opus-4-7 5 25;claude-opus-4-6 5 25;claude-opus-4-5 5 25;" +
  "claude-opus-4-1 15 75;claude-opus-4 15 75;claude-sonnet-4-6 3 15;claude-sonnet-4-5 3 15;claude-sonnet-4 3 15;" +
  "claude-3-7-sonnet 3 15;claude-3-5-sonnet 3 15;claude-haiku-4-5 1 5;claude-3-5-haiku .8 4;claude-3-opus 15 75;" +
  "claude-3-haiku .25 1.25 .03 .3";

const GOOGLE =
  "gemini-3-pro 2 12 .2;gemini-3-flash .5 3 .05;gemini-2.5-pro 1.25 10 .125;gemini-2.5-flash .3 2.5 .03;" +
  "gemini-2.5-flash-lite .1 .4 .01;gemini-2.0-flash .1 .4 .025;gemini-2.0-flash-lite .075 .3";

function parse(table: Record<string, ModelPrice>, rows: string, cacheRates?: [read: number, write: number]): void {
  for (const row of rows.split(";")) {
    const [name = "", ...fields] = row.split(" ");
    const [input = 0, output = 0, cachedInput, cacheWrite] = fields.map(Number);
    const price: ModelPrice = { input, output };
    const read = cachedInput ?? (cacheRates && input * cacheRates[0]);
    const write = cacheWrite ?? (cacheRates && input * cacheRates[1]);
    if (read !== undefined) price.cachedInput = read;
    if (write !== undefined) price.cacheWrite = write;
    table[name] = price;
  }
}

function buildTable(): Record<string, ModelPrice> {
  const table: Record<string, ModelPrice> = {};
  parse(table, OPENAI);
  parse(table, ANTHROPIC, [0.1, 1.25]);
  parse(table, GOOGLE);
  return table;
}

/** USD per 1M tokens by model family (dated snapshots resolve through findPrice). */
export const PRICE_TABLE: Record<string, ModelPrice> = /* @__PURE__ */ buildTable();
