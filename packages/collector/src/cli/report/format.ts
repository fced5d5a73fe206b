// Number formats shared by the terminal and HTML reports.
export function usd(n: number): string {
  if (n === 0) return "$0";
  // two significant digits below a cent, so an amount that is not zero never prints as one
  if (Math.abs(n) < 0.01) return `$${n.toFixed(Math.min(20, 1 - Math.floor(Math.log10(Math.abs(n)))))}`;
  return `$${n.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function count(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)}B`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  if (n >= 1e4) return `${(n / 1e3).toFixed(1)}k`;
  return n.toLocaleString("en-US");
}

export function ms(n: number | undefined): string {
  if (n === undefined) return "–";
  return n >= 1000 ? `${(n / 1000).toFixed(2)}s` : `${Math.round(n)}ms`;
}

export function day(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** what to call a rollup key that was empty (the call had no such tag) */
export function label(key: string): string {
  return key === "" ? "(untagged)" : key;
}

/** at most n characters, an ellipsis saying where it was cut */
export function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}
