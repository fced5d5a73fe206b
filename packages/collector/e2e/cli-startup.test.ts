// The CLI answers --help and --version without loading any command: no store,
// no SQLite addon, no OpenTelemetry. Which modules load is watched through a
// module resolve hook, so the test does not depend on the machine's speed.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.ts";

const WATCH_RESOLVE = `data:text/javascript,${encodeURIComponent(`
import { register } from "node:module";
register("data:text/javascript," + encodeURIComponent(\`
export async function resolve(specifier, context, next) {
  const found = await next(specifier, context);
  process.stderr.write("resolved " + found.url + "\\\\n");
  return found;
}\`));
`)}`;

const resolvedBy = (stderr: string) => stderr.split("\n").filter((l) => l.startsWith("resolved ")).map((l) => l.slice(9));

describe("llmscope CLI start-up", () => {
  it("prints the package's version", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
    for (const flag of ["--version", "-v"]) {
      const r = await runCli([flag]);
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });

  it("answers --help loading none of the commands", async () => {
    const r = await runCli(["--help"], { NODE_OPTIONS: `--import=${WATCH_RESOLVE}` });
    expect(r.code).toBe(0);
    const urls = resolvedBy(r.stderr);
    expect(urls.some((u) => u.endsWith("/cli/main.ts"))).toBe(true);
    expect(urls.filter((u) => /-command\.ts$|better-sqlite3|opentelemetry|\/store\//.test(u))).toEqual([]);
  });

  it("loads a command only when it runs", async () => {
    const r = await runCli(["export", "--help"], { NODE_OPTIONS: `--import=${WATCH_RESOLVE}` });
    expect(r.code).toBe(0);
    expect(resolvedBy(r.stderr).some((u) => u.endsWith("/cli/export-command.ts"))).toBe(true);
  });

  it("names postgres:// URLs wherever --db is read", async () => {
    for (const cmd of ["serve", "report", "export", "estimate", "rebuild-rollups"]) {
      const r = await runCli([cmd, "--help"]);
      expect(r.stdout, cmd).toMatch(/--db <path\|url>[\s\S]*postgres/);
    }
  });
});
