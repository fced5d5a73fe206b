// The built CLI, `llmscope serve` on a fresh SQLite file, as a real child process.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const MAIN = fileURLToPath(new URL("../../../collector/dist/cli/main.js", import.meta.url));

export interface ServeProcess {
  url: string;
  close(): Promise<void>;
}

/** an undefined read key starts serve without one, as a local collector often runs */
export function startServe(readKey: string | undefined, writeKey: string, db?: string): Promise<ServeProcess> {
  const dir = mkdtempSync(join(tmpdir(), "llmscope-console-e2e-"));
  const child: ChildProcess = spawn(process.execPath, [MAIN, "serve", "--db", db ?? join(dir, "llmscope.db"), "--port", "0", ...(readKey === undefined ? [] : ["--read-key", readKey]), "--write-key", writeKey, "--rate", "0"], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stderr!.on("data", (c) => (err += c));
  const close = () =>
    new Promise<void>((done) => {
      child.once("exit", () => (rmSync(dir, { recursive: true, force: true }), done()));
      child.kill("SIGTERM");
    });
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (c) => {
      out += c;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, close });
    });
    child.once("exit", (code) => reject(new Error(`llmscope serve exited (${code}) before listening: ${err}`)));
  });
}
