// `pnpm bench`: runs each package's benchmarks (their `bench` script prints a
// markdown section) and writes them, with the machine described, to BENCHMARKS.md.
import { execSync } from "node:child_process";
import { readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";

const order = ["core", "mock-llm", "react", "cloudflare", "collector"];
const sections = [];
for (const name of order) {
  const dir = `packages/${name}`;
  if (!existsSync(`${dir}/package.json`)) continue;
  const pkg = JSON.parse(readFileSync(`${dir}/package.json`, "utf8"));
  if (!pkg.scripts?.bench) continue;
  console.log(`\n=== ${pkg.name} ===`);
  const out = execSync("pnpm run --silent bench", { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 << 20 });
  process.stdout.write(out);
  sections.push(out.trim());
}
// the peer comparison needs its own install and runs apart (`pnpm bench:peers`): its latest table is kept
const peers = "bench/peers/RESULTS.md";
if (existsSync(peers)) sections.push(`<!-- peers -->\n${readFileSync(peers, "utf8").trim()}\n<!-- /peers -->`);
const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const machine = `${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
const doc = `# Benchmarks

Measured by \`pnpm bench\` in one run on: ${machine}.
Ratios compare the two sides measured in the same run, so they travel between machines better than absolute times.
Generated ${new Date().toISOString().slice(0, 10)}; re-run \`pnpm bench\` to refresh.

${sections.join("\n\n")}
`;
writeFileSync("BENCHMARKS.md", doc);
console.log("\nwrote BENCHMARKS.md");
