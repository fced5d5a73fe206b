import { existsSync } from "node:fs";
import { SqliteStore } from "../store/sqlite-store.ts";
import { UsageError } from "./cli-io.ts";

/** opens an existing database; reading commands never create an empty one by mistake */
export function openExistingStore(path: string): SqliteStore {
  if (!existsSync(path)) throw new UsageError(`no database at ${path} (pass --db, or run \`llmscope serve\` first)`);
  return new SqliteStore(path);
}
