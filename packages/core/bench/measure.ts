// Timing helpers: medians of many rounds after warm-up, so one GC pause or a
// busy neighbour moves nothing.
export const median = (xs: number[]): number => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** median ms per call of fn, measured over `rounds` rounds of `batch` calls each */
export async function perCall(fn: () => Promise<unknown>, { warmup = 200, rounds = 15, batch = 200 } = {}): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) await fn();
    samples.push((performance.now() - t0) / batch);
  }
  return median(samples);
}

/** two variants compared in rounds: each side's median time per call, and the ratio b ÷ a as the median of the rounds' ratios and its worst round */
export interface Paired {
  a: number;
  b: number;
  ratio: number;
  worst: number;
}

/**
 * Two variants measured interleaved, in rounds: each round runs `batch` pairs
 * (a then b, then b then a, alternating) and takes its own ratio b ÷ a from
 * the two sides' medians in it, so drift and a busy neighbour, which move
 * slowly, hit both sides of a round alike, and one stalled call does not
 * make a round. The result is the median of the rounds' ratios, with the
 * worst round beside it; each side's time is its median over all calls.
 */
export async function paired(a: () => Promise<number>, b: () => Promise<number>, { warmup = 30, rounds = 30, batch = 20 } = {}): Promise<Paired> {
  for (let i = 0; i < warmup; i++) await a(), await b();
  const as: number[] = [];
  const bs: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const ra: number[] = [];
    const rb: number[] = [];
    for (let i = 0; i < batch; i++) {
      if (i % 2) ra.push(await a()), rb.push(await b());
      else rb.push(await b()), ra.push(await a());
    }
    as.push(...ra);
    bs.push(...rb);
    ratios.push(median(rb) / median(ra));
  }
  return { a: median(as), b: median(bs), ratio: median(ratios), worst: Math.max(...ratios) };
}

/**
 * Several variants measured interleaved in the same rounds, as paired() does
 * two: each round runs `batch` turns, one call of every side a turn, the
 * order rotated turn by turn so each side takes each place equally often.
 * Every side after the first is compared with the first (its Paired: each
 * round's ratio from the two sides' medians in it; the median of those and
 * the worst). With bare fetch twice among the sides, the noise floor comes
 * from the very rounds the other ratios do.
 */
export async function interleaved(sides: (() => Promise<number>)[], { warmup = 30, rounds = 30, batch = 20 } = {}): Promise<Paired[]> {
  const n = sides.length;
  for (let i = 0; i < warmup; i++) for (const side of sides) await side();
  const all = sides.map((): number[] => []);
  const ratios = sides.map((): number[] => []);
  for (let r = 0; r < rounds; r++) {
    const round = sides.map((): number[] => []);
    for (let i = 0; i < batch; i++) for (let k = 0; k < n; k++) {
      const side = (i + k) % n;
      round[side]!.push(await sides[side]!());
    }
    round.forEach((times, side) => {
      all[side]!.push(...times);
      ratios[side]!.push(median(times) / median(round[0]!));
    });
  }
  return sides.slice(1).map((_, i) => ({ a: median(all[0]!), b: median(all[i + 1]!), ratio: median(ratios[i + 1]!), worst: Math.max(...ratios[i + 1]!) }));
}

/** "×1.004 (worst round ×1.031)" */
export const ratio = ({ ratio: r, worst }: Paired) => `×${r.toFixed(3)} (worst round ×${worst.toFixed(3)})`;

export const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
export const ms = (v: number) => `${v.toFixed(3)} ms`;
export const pass = (ok: boolean) => (ok ? "✅" : "❌");
