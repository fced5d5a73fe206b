// The seed a CI-sized insights evaluation runs on. The detector must hold on
// any seed, not on one chosen: so each run draws another from the clock and
// says which in its test name; a developer replays a failing run by setting
// LLMSCOPE_EVAL_SEED to the seed it printed.
export const SEED_VARIABLE = "LLMSCOPE_EVAL_SEED";

/** the seed a developer set, else one drawn from the clock (below a million, short enough to read off a test name) */
export function evaluationSeed(env: Record<string, string | undefined> = process.env, now = Date.now()): number {
  const set = env[SEED_VARIABLE];
  if (set === undefined || set === "") return now % 1_000_000;
  const seed = Number(set);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new Error(`${SEED_VARIABLE} must be a whole number ≥ 0 (the seed a failed run printed), not "${set}"`);
  return seed;
}
