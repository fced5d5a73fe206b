// `pnpm --filter @llmscope/collector bench:ingest [batchSize…]`: only the HTTP
// ingest measure, at the given batch sizes (default 100 250 500), for quick
// before/after comparisons without the 1M-call stats fill.
import os from "node:os";
import { benchIngest } from "./ingest-http.ts";

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
process.stdout.write(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} cores\n`);
for (const batchSize of sizes.length ? sizes : [100, 250, 500]) {
  const r = await benchIngest("normal", 100_000, batchSize);
  process.stdout.write(`batches of ${batchSize}: ${Math.round(r.callsPerSecond).toLocaleString("en-US")} calls/s (${r.bodyKiB.toFixed(0)} KiB bodies)\n`);
}
