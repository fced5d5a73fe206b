// The beacon's way to #beacon-compact (gzip, slim calls, held deflate): a
// dynamic import outside Workers builds, so a browser's bundle carries none of
// it; Workers builds link a lean one statically (beacon-compact-worker.ts).
export type Compact = typeof import("./beacon-compact.ts");

let loaded: Compact | undefined;
let loading: Promise<Compact | undefined> | undefined;

/** the module once loaded, else undefined */
export const compactNow = (): Compact | undefined => loaded;

/** loads it once; undefined when it cannot load (batches then go plain, calls whole) */
export const loadCompact = (): Promise<Compact | undefined> =>
  (loading ??= import("#beacon-compact").then((m: Compact) => (loaded = m), () => undefined));
