// The chance of at least k events where `mean` are expected, each independent
// (failures of calls that each fail with a small usual chance): the Poisson
// upper tail, summed from k upward (each term from its logarithm), so a far
// tail (1e-30) keeps its digits where one minus the sum below k would be 0.

/** P(X ≥ k) for X ~ Poisson(mean); tails above a half are given as 1 (only far tails are ever asked about) */
export function poissonTail(k: number, mean: number): number {
  if (k <= 0) return 1;
  if (mean <= 0) return 0;
  if (k <= mean) return 1;
  let logTerm = -mean + k * Math.log(mean) - logFactorial(k);
  let sum = 0;
  for (let i = k; ; i++) {
    const term = Math.exp(logTerm);
    sum += term;
    if (term <= sum * 1e-12) break;
    logTerm += Math.log(mean) - Math.log(i + 1);
  }
  return Math.min(1, sum);
}

function logFactorial(n: number): number {
  let sum = 0;
  for (let i = 2; i <= n; i++) sum += Math.log(i);
  return sum;
}
