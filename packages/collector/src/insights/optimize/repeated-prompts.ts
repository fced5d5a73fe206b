// Identical prompts sent to one model, which a response cache would have served.
import type { CallDigest, Finding } from "./findings.ts";

/**
 * A finding per model and prompt text. Texts that differ only past the part a
 * row shows would read as the same row twice, so they are merged into one,
 * saying how many distinct prompts it covers.
 */
export function repeatedPrompts(digest: CallDigest, monthly: (usd: number) => number): Finding[] {
  const rows = new Map<string, { model: string; prompt: string; calls: number; served: number; distinct: number; savedUSD: number }>();
  for (const r of digest.repeats.values()) {
    if (r.count < 2) continue;
    const subject = `model=${r.model} ${JSON.stringify(r.prompt)}`;
    const row = rows.get(subject) ?? { model: r.model, prompt: r.prompt, calls: 0, served: 0, distinct: 0, savedUSD: 0 };
    row.calls += r.count;
    row.served += r.count - 1;
    row.distinct++;
    row.savedUSD += (r.costUSD * (r.count - 1)) / r.count;
    rows.set(subject, row);
  }
  return [...rows].map(([subject, row]) => ({
    kind: "repeated_prompt",
    subject,
    model: row.model,
    detail: `${row.calls} identical prompts${row.distinct > 1 ? ` (${row.distinct} texts sharing this start)` : ""}; a cache would have served ${row.served}`,
    monthlySavingsUSD: monthly(row.savedUSD),
  }));
}
