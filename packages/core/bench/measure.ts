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

/** two variants measured interleaved, one sample each per turn, so drift hits both alike */
export async function paired(a: () => Promise<number>, b: () => Promise<number>, { warmup = 30, turns = 300 } = {}): Promise<[number, number]> {
  for (let i = 0; i < warmup; i++) await a(), await b();
  const as: number[] = [];
  const bs: number[] = [];
  for (let i = 0; i < turns; i++) {
    if (i % 2) as.push(await a()), bs.push(await b());
    else bs.push(await b()), as.push(await a());
  }
  return [median(as), median(bs)];
}

export const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;
export const ms = (v: number) => `${v.toFixed(3)} ms`;
export const pass = (ok: boolean) => (ok ? "✅" : "❌");
