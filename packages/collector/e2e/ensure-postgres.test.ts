// The README's test command brings PostgreSQL up as it does Chromium: the
// root script leaves a server answering on 127.0.0.1, and where it may not
// install one it says how instead of letting the store tests fail later.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runScript } from "./helpers/run-script.ts";

const SCRIPT = fileURLToPath(new URL("../../../scripts/ensure-postgres.mjs", import.meta.url));

describe("scripts/ensure-postgres.mjs", () => {
  it("leaves a server accepting connections on 127.0.0.1", async () => {
    const r = await runScript(SCRIPT, {});
    expect(r.code, r.stderr).toBe(0);
    const port = execFileSync("pg_lsclusters", ["--no-header"], { encoding: "utf8" }).trim().split(/\s+/)[2]!;
    expect(() => execFileSync("pg_isready", ["-q", "-h", "127.0.0.1", "-p", port])).not.toThrow();
  });

  it("says how to install PostgreSQL when it is missing and it may not install it", async () => {
    const r = await runScript(SCRIPT, { LLMSCOPE_POSTGRES_LIB: "/nonexistent", LLMSCOPE_ASSUME_NOT_ROOT: "1" });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/PostgreSQL is missing.*apt-get install -y postgresql.*LLMSCOPE_TEST_POSTGRES_URL/);
  });
});
