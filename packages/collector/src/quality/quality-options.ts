import type { QualityEvaluator } from "@llmscope/core/quality";
import type { ReferenceBook } from "./reference-book.ts";

export interface QualityOptions {
  /** default: the built-in heuristics, plus accuracy against `references` */
  evaluators?: readonly QualityEvaluator[];
  /** reference answers by promptId; PUT /v1/references/:promptId changes them */
  references?: ReferenceBook;
  /** terms the safety heuristic flags in answers (with the default evaluators) */
  safetyTerms?: readonly string[];
  /** calls scored per slice (a slice holds the event loop while it runs); default 50 */
  batchSize?: number;
  /** ingest must be quiet this long before a slice runs; default 250 ms */
  idleMs?: number;
  /** under sustained ingest, at most this share of the time goes to scoring; default 0.01 */
  busyShare?: number;
  /** calls evaluated at once (matters for a judge that calls a model); default 8 */
  concurrency?: number;
}
