// A seeded PRNG with the few distributions the traffic generator needs, so an
// evaluation run is reproducible from its seed alone.
export interface Random {
  /** uniform in [0, 1) */
  next(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  /** standard normal (Box–Muller) */
  normal(): number;
  /** e^(sigma·N(0,1)): multiplicative noise with median 1 */
  logNormal(sigma: number): number;
  poisson(mean: number): number;
}

export function seededRandom(seed: number): Random {
  let s = seed >>> 0;
  // mulberry32
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return {
    next,
    int: (max) => Math.floor(next() * max),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    normal,
    logNormal: (sigma) => Math.exp(sigma * normal()),
    poisson(mean) {
      // normal approximation above 30 keeps big means cheap; Knuth below
      if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal()));
      const limit = Math.exp(-mean);
      let k = 0;
      for (let p = next(); p > limit; p *= next()) k++;
      return k;
    },
  };
}
