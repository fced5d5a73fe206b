import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** a fresh directory for a database file, removed by the returned cleanup */
export function tempDbPath(name = "llmscope.db"): { path: string; dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "llmscope-collector-"));
  return { path: join(dir, name), dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
