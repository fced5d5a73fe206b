// Round tick marks for a waterfall's time axis: 1, 2 or 5 × a power of ten,
// so the labels read "0, 200 ms, 400 ms" rather than "0, 173 ms, 346 ms".
const STEPS = [1, 2, 5];

export function axisTicks(spanMs: number, maxTicks = 10): number[] {
  if (!(spanMs > 0)) return [0];
  const rough = spanMs / Math.max(1, maxTicks - 1);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = (STEPS.find((s) => s * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  for (let t = 0; t <= spanMs + 1e-9; t += step) ticks.push(Math.round(t * 1000) / 1000);
  return ticks;
}
