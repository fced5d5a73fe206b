// `llmscope serve` quality flags → the collector's quality options.
import { llmJudgeEvaluator, heuristicEvaluators, type JudgeProtocol } from "@llmscope/core/quality";
import type { QualityOptions } from "./quality-options.ts";
import { referenceBookFromFile } from "./reference-file.ts";
import { createReferenceBook } from "./reference-book.ts";

export const QUALITY_HELP = `  --no-quality           do not score calls (relevance, accuracy, coherence, safety)
  --references <file>    reference answers by promptId, JSON or YAML; PUT
                         /v1/references/:promptId saves back to it
  --safety-term <term>   a word the safety heuristic flags in answers (repeatable)
  --judge <p:model>      also score with an LLM judge: p is openai, anthropic,
                         google or ollama (key in env LLMSCOPE_JUDGE_KEY)
  --judge-url <url>      the judge's base URL (default: the provider's public API)
`;

const JUDGE_URLS: Record<JudgeProtocol, string> = {
  openai: "https://api.openai.com/v1",
  anthropic: "https://api.anthropic.com",
  google: "https://generativelanguage.googleapis.com",
  ollama: "http://127.0.0.1:11434",
};

export interface QualityFlags {
  quality: boolean;
  references?: string;
  safetyTerms?: string[];
  judge?: string;
  judgeUrl?: string;
  judgeKey?: string;
}

/** throws an Error naming the flag that is wrong */
export function qualityFromFlags(f: QualityFlags, log: (message: string) => void): QualityOptions | undefined {
  if (!f.quality) return undefined;
  const references = f.references ? referenceBookFromFile(f.references, (e) => log(`saving ${f.references} failed: ${String(e)}`)) : createReferenceBook();
  const evaluators = heuristicEvaluators({ terms: f.safetyTerms ?? [], references: (id) => references.get(id) });
  if (f.judge) {
    const m = /^(openai|anthropic|google|ollama):(.+)$/.exec(f.judge);
    if (!m) throw new Error("--judge must look like openai:gpt-4o-mini (openai, anthropic, google or ollama, a colon, a model)");
    const protocol = m[1] as JudgeProtocol;
    evaluators.push(llmJudgeEvaluator({
      protocol, model: m[2]!, baseUrl: f.judgeUrl ?? JUDGE_URLS[protocol],
      references: (id) => references.get(id),
      ...(f.judgeKey ? { apiKey: f.judgeKey } : {}),
    }));
  }
  return { evaluators, references };
}
