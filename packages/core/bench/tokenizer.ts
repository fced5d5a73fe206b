// Tokenizer benchmark: gpt-tokenizer (the default) against js-tiktoken, both
// through llmscope's own counter (long-run splitting, plain-text special tokens).
// Every workload runs in full for both libraries (about 15 s in all on 2 cores).
import type { LLMCall } from "../src/types.ts";
import { estimateUsage, loadTokenizer, type CountTokens, type TokenizerLibrary } from "../src/tokens/bundled-tokenizer.ts";
import { jsTiktoken, loadJsTiktokenCounter } from "../src/tokens/js-tiktoken.ts";

// js-tiktoken has its own entry (so builds that do not choose it emit none of it)
const counterOf = (library: TokenizerLibrary): Promise<CountTokens> =>
  library === "js-tiktoken" ? loadJsTiktokenCounter("o200k_base") : loadTokenizer("o200k_base", library);

type Row = { workload: string; fast: number; reference: number; note: string; equal: boolean };

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const EN_WORDS =
  "the of and to in is that for it as with was on be by this are from at or an have not which but all their can more one will about data model request token latency cost prompt answer user server stream error retry cache context window".split(" ");
const JA_WORDS =
  "私 東京 天気 今日 明日 会議 資料 確認 お願い します 問題 解決 方法 説明 顧客 注文 配送 返品 予約 変更 技術 開発 設計 実装 検証 結果 報告 期限 予算 担当".split(" ");
const JA_GLUE = ["は", "が", "を", "に", "で", "と", "の", "も"];

function englishText(bytes: number, rnd: () => number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < bytes) {
    let sentence = "";
    const n = 6 + Math.floor(rnd() * 14);
    for (let i = 0; i < n; i++) sentence += (i ? " " : "") + EN_WORDS[Math.floor(rnd() * EN_WORDS.length)];
    if (rnd() < 0.2) sentence += ` ${Math.floor(rnd() * 10_000)}`;
    sentence = sentence[0]!.toUpperCase() + sentence.slice(1) + (rnd() < 0.1 ? "?\n" : ". ");
    parts.push(sentence);
    size += sentence.length;
  }
  return parts.join("");
}

function japaneseText(utf8Bytes: number, rnd: () => number): string {
  const parts: string[] = [];
  let size = 0;
  while (size < utf8Bytes) {
    let clause = "";
    const n = 2 + Math.floor(rnd() * 5);
    for (let i = 0; i < n; i++) clause += JA_WORDS[Math.floor(rnd() * JA_WORDS.length)]! + JA_GLUE[Math.floor(rnd() * JA_GLUE.length)];
    clause += rnd() < 0.4 ? "。" : "、";
    parts.push(clause);
    size += clause.length * 3;
  }
  return parts.join("");
}

function chatCalls(count: number, rnd: () => number): Pick<LLMCall, "model" | "prompt" | "completion" | "operation">[] {
  return Array.from({ length: count }, () => {
    const user = englishText(200 + Math.floor(rnd() * 400), rnd) + (rnd() < 0.2 ? japaneseText(150, rnd) : "");
    const system = "You are a helpful assistant for Acme support. Answer briefly.";
    return {
      model: "gpt-4o-mini",
      operation: "chat" as const,
      prompt: { system, messages: [{ role: "system", content: system }, { role: "user", content: user }], text: user },
      completion: { text: englishText(150 + Math.floor(rnd() * 300), rnd) },
    };
  });
}

function time<T>(fn: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { ms: performance.now() - start, value };
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

async function countChats(calls: ReturnType<typeof chatCalls>, library: TokenizerLibrary): Promise<number> {
  let total = 0;
  for (const call of calls) {
    const usage = library === "js-tiktoken" ? await jsTiktoken(call) : await estimateUsage(call, library);
    total += usage.inputTokens + usage.outputTokens;
  }
  return total;
}

const fmt = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 2 : 0)} ms`);

/** Markdown section `### Tokenizers` comparing the two tokenizer libraries. */
export async function benchTokenizers(): Promise<string> {
  const rnd = random(20261126);
  const english = englishText(1 << 20, rnd);
  const japanese = japaneseText(1 << 20, rnd);
  const chats = chatCalls(10_000, rnd);
  const longRuns: [string, string][] = [
    ['"a" × 10,000', "a".repeat(10_000)],
    ['"a" × 50,000', "a".repeat(50_000)],
    ["10,000 Japanese chars, no punctuation", "日本語の文章を区切りなく書き続けるとどうなるか".repeat(455).slice(0, 10_000)],
  ];
  const rows: Row[] = [];

  // init: dynamic import of library and ranks, building the encoder, first count
  const init = async (library: TokenizerLibrary) =>
    timeAsync(async () => (await counterOf(library))("hello world"));
  const fastInit = await init("gpt-tokenizer");
  const referenceInit = await init("js-tiktoken");
  rows.push({ workload: "init: import + build + first count", fast: fastInit.ms, reference: referenceInit.ms, note: "", equal: fastInit.value === referenceInit.value });
  const fast: CountTokens = await counterOf("gpt-tokenizer");
  const reference: CountTokens = await counterOf("js-tiktoken");

  // Japanese first, so neither library has seen any of it yet (cold)
  const jaFast = time(() => fast(japanese));
  const jaReference = time(() => reference(japanese));
  rows.push({ workload: "Japanese 1 MB, cold", fast: jaFast.ms, reference: jaReference.ms, note: "", equal: jaFast.value === jaReference.value });

  const enFast = time(() => fast(english));
  const enReference = time(() => reference(english));
  rows.push({ workload: "English 1 MB", fast: enFast.ms, reference: enReference.ms, note: "", equal: enFast.value === enReference.value });

  const chatFast = await timeAsync(() => countChats(chats, "gpt-tokenizer"));
  const chatReference = await timeAsync(() => countChats(chats, "js-tiktoken"));
  rows.push({
    workload: "10,000 chat calls through estimateUsage",
    fast: chatFast.ms,
    reference: chatReference.ms,
    note: "system + user message and a completion each",
    equal: chatFast.value === chatReference.value,
  });

  for (const [name, text] of longRuns) {
    const a = time(() => fast(text));
    const b = time(() => reference(text));
    const note = name.startsWith('"a"') ? "gpt-tokenizer's merge cache sees one repeated slice" : "";
    rows.push({ workload: `${name} (split)`, fast: a.ms, reference: b.ms, note, equal: a.value === b.value });
  }

  const ratios = rows.map((row) => row.reference / row.fast);
  const slowerSomewhere = rows.filter((_, i) => ratios[i]! < 1).map((row) => row.workload);
  const lines = [
    "### Tokenizers",
    "",
    "o200k_base, one process, gpt-tokenizer 4.0.0 vs js-tiktoken 1.0.21, both through llmscope's counter (runs over 64 chars split).",
    "",
    "| workload | gpt-tokenizer | js-tiktoken | js-tiktoken ÷ gpt-tokenizer | counts equal | note |",
    "|---|---:|---:|---:|:---:|---|",
    ...rows.map((row, i) => `| ${row.workload} | ${fmt(row.fast)} | ${fmt(row.reference)} | ${ratios[i]!.toFixed(1)}× | ${row.equal ? "yes" : "**no**"} | ${row.note} |`),
    "",
    slowerSomewhere.length === 0
      ? `gpt-tokenizer is faster on every workload (${Math.min(...ratios).toFixed(1)}× to ${Math.max(...ratios).toFixed(1)}×): it stays the default.`
      : `gpt-tokenizer is slower on: ${slowerSomewhere.join(", ")} — review the default.`,
    "",
  ];
  return lines.join("\n");
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(await benchTokenizers());
}
