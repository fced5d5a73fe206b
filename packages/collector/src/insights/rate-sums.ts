// A rate's parts (tokens and requests, dollars and requests, cached and input
// tokens) summed by key over calls read one by one: a prompt's calls inside a
// series, a young snapshot's, a person's at each prompt.

export interface RateSum {
  amount: number;
  per: number;
}

/** adds a call's amount and count to its key's sum, in place */
export function addToRate<K>(sums: Map<K, RateSum>, key: K, amount: number, per: number): void {
  const sum = sums.get(key);
  if (sum) (sum.amount += amount), (sum.per += per);
  else sums.set(key, { amount, per });
}
