// Orders the dimensions' best keys into the list a person reads, best first.
// The surprise score (share of the change minus usual share) decides, with two
// corrections it cannot make alone: keys sit inside others (a prompt in its
// feature and on its model, a model at its provider), and two dimensions can
// cut out exactly the same calls.
import type { KeyContribution } from "./contributions.ts";
import type { KeyParents, ParentDimension } from "./key-parents.ts";
import { METRIC_SPECS, type Metric } from "./metrics.ts";

export interface RankedCause extends KeyContribution {
  dimension: string;
  share: number;
  score: number;
}

export interface RankingContext {
  metric: Metric;
  /** +1 when the measure rose, −1 when it fell */
  direction: number;
  /** every key's contribution, by dimension (promptId and fingerprint keys both under "prompt") */
  contributions: ReadonlyMap<string, readonly KeyContribution[]>;
  /** by dimension, where its keys sit in the parent dimensions (see keyParents) */
  parents: ReadonlyMap<string, ReadonlyMap<string, KeyParents>>;
  /** by dimension, the part of its best key's calls inside each parent it sits in (see shareInside) */
  inside: ReadonlyMap<string, Partial<Record<ParentDimension, number>>>;
}

/** child dimension → the dimensions that can contain it, nearest first */
export const NESTING: Record<string, readonly ParentDimension[]> = {
  prompt: ["model", "feature", "department", "provider"],
  feature: ["department"],
  model: ["provider"],
};

/** a cause's label is promptId or fingerprint for the prompt dimension */
const dimensionOf = (label: string) => (label === "promptId" || label === "fingerprint" ? "prompt" : label);

/** a key is inside a parent when this part of its calls is */
const INSIDE = 0.9;
/** siblings need this many calls on the day for their own change to be read */
const MIN_SIBLING_CALLS = 10;
/** and this robust z-score, besides the measure's smallest change worth attention, to count as moved */
const MOVED_Z = 3;
/** the siblings' part of the parent's change that makes the parent the cause */
const SIBLINGS_SHARE = 0.2;

/**
 * When dimensions cut out the same calls the data cannot tell them apart, so
 * the usual cause of a change in the measure goes first: prompts change
 * tokens, cost and answers, providers slow down and fail, users and prompts
 * make volume.
 */
export const USUAL_CAUSE: Record<"size" | "speed" | "errors" | "volume" | "answers", readonly string[]> = {
  size: ["promptId", "fingerprint", "model", "responseModel", "user", "feature", "department", "provider"],
  speed: ["provider", "model", "responseModel", "promptId", "fingerprint", "user", "feature", "department"],
  errors: ["errorKind", "provider", "model", "responseModel", "promptId", "fingerprint", "user", "feature", "department"],
  volume: ["user", "promptId", "fingerprint", "feature", "department", "model", "responseModel", "provider"],
  answers: ["promptId", "fingerprint", "model", "responseModel", "provider", "feature", "department", "user"],
};
export const FAMILY: Record<Metric, keyof typeof USUAL_CAUSE> = {
  calls: "volume",
  tokens: "size",
  tokensPerRequest: "size",
  outputTokensPerRequest: "size",
  cost: "size",
  costPerRequest: "size",
  cachedInputPerRequest: "size",
  cacheWriteTokens: "size",
  latencyP95: "speed",
  ttftP95: "speed",
  errorRate: "errors",
  quality: "answers",
};

export function rankCauses(causes: readonly RankedCause[], context: RankingContext): RankedCause[] {
  const ranked = [...causes].sort((a, b) => b.score - a.score);
  const usual = USUAL_CAUSE[FAMILY[context.metric]];
  const usuallyBefore = (a: RankedCause, b: RankedCause) => usual.indexOf(a.dimension) < usual.indexOf(b.dimension);
  // indistinguishable neighbours: the usual cause first
  for (let swapped = true; swapped; ) {
    swapped = false;
    for (let i = 0; i + 1 < ranked.length; i++) {
      const [a, b] = [ranked[i]!, ranked[i + 1]!];
      if (sameCalls(a, b) && usuallyBefore(b, a)) [ranked[i], ranked[i + 1], swapped] = [b, a, true];
    }
  }
  // a key inside another: the container only when the key's siblings in it moved too
  for (const child of [...ranked]) {
    const dimension = dimensionOf(child.dimension);
    for (const parentDimension of NESTING[dimension] ?? []) {
      const parent = ranked.find((c) => c.dimension === parentDimension);
      if (!parent || sameCalls(child, parent) || (context.inside.get(dimension)?.[parentDimension] ?? 0) < INSIDE) continue;
      const moved = siblingsMoved(child, parent, dimension, parentDimension, context);
      const [first, second] = (moved ?? usuallyBefore(parent, child)) ? [parent, child] : [child, parent];
      if (ranked.indexOf(first) > ranked.indexOf(second)) {
        ranked.splice(ranked.indexOf(first), 1);
        ranked.splice(ranked.indexOf(second), 0, first);
      }
    }
  }
  return ranked;
}

/** two keys with the same calls on the day and the same usual share are, as far as the rollups tell, one set of calls */
function sameCalls(a: RankedCause, b: RankedCause): boolean {
  return a.calls === b.calls && Math.abs(a.baselineShare - b.baselineShare) < 0.01 && Math.abs(a.share - b.share) < 0.1;
}

/**
 * Whether the parent changed rather than the one key inside it: the other keys
 * inside it changed the same way (most of their calls moved clearly, beyond
 * chance and by at least half the key's own relative change), or together
 * they carry a good part of the parent's change, beyond what chance gives
 * them. A key new today has no relative change its siblings could match.
 * Undefined when nothing decides it.
 */
function siblingsMoved(child: RankedCause, parent: RankedCause, dimension: string, parentDimension: ParentDimension, context: RankingContext): boolean | undefined {
  const spec = METRIC_SPECS[context.metric];
  const parents = context.parents.get(dimension);
  const own = relativeChange(child, context.direction) ?? Infinity;
  let moved = 0;
  let measured = 0;
  let together = 0;
  let variance = 0;
  for (const s of context.contributions.get(dimension) ?? []) {
    if (s.key === child.key || parents?.get(s.key)?.[parentDimension] !== parent.key) continue;
    together += context.direction * s.contribution;
    variance += s.spread ** 2;
    const relative = relativeChange(s, context.direction);
    if (s.calls < MIN_SIBLING_CALLS || relative === undefined || s.z === undefined) continue;
    measured += s.calls;
    if (relative >= Math.max(spec.minRelativeChange, own / 2) && context.direction * s.z >= MOVED_Z) moved += s.calls;
  }
  const parentChange = context.direction * parent.contribution;
  if (parentChange > 0 && together >= SIBLINGS_SHARE * parentChange && together >= MOVED_Z * Math.sqrt(variance)) return true;
  if (measured > 0) return moved >= measured / 2;
  // nothing beside it to compare: a key that took over the parent's traffic today changed, not the parent
  return child.z === undefined ? false : undefined;
}

function relativeChange(k: KeyContribution, direction: number): number | undefined {
  if (k.before === undefined || k.after === undefined || !(Math.abs(k.before) > 0)) return undefined;
  return (direction * (k.after - k.before)) / Math.abs(k.before);
}
