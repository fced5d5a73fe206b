// Ingest over HTTP with quality scoring on (the default) and off: scoring runs
// after ingest, in quiet moments or a capped share of a busy one, so the
// difference should stay within 5%. Runs alternate on/off twice and keep each
// side's best, since other load on a shared machine only ever slows a run.
import { benchIngest } from "./ingest-http.ts";

export interface QualityIngestResult {
  onCallsPerSecond: number;
  offCallsPerSecond: number;
  /** (off − on) / off, as a fraction */
  drop: number;
}

export async function benchIngestQuality(progress: (m: string) => void = () => {}, calls = 100_000, batchSize = 250): Promise<QualityIngestResult> {
  let on = 0;
  let off = 0;
  for (let round = 1; round <= 2; round++) {
    progress(`ingest with quality on, round ${round}…`);
    on = Math.max(on, (await benchIngest("normal", calls, batchSize)).callsPerSecond);
    progress(`ingest with quality off, round ${round}…`);
    off = Math.max(off, (await benchIngest("normal", calls, batchSize, 4, ["--no-quality"])).callsPerSecond);
  }
  return { onCallsPerSecond: on, offCallsPerSecond: off, drop: (off - on) / off };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchIngestQuality((m) => process.stderr.write(m + "\n"));
  const f = (n: number) => Math.round(n).toLocaleString("en-US");
  process.stdout.write(`quality on ${f(r.onCallsPerSecond)} calls/s · off ${f(r.offCallsPerSecond)} calls/s · drop ${(r.drop * 100).toFixed(1)}%\n`);
}
