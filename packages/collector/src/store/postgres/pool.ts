// The connection pool and transactions. Epoch-ms columns are bigint, which pg
// returns as strings by default; this pool (only this one, not pg's global
// parsers) reads them as numbers, exact below 2^53. pg is loaded only when a
// PostgreSQL store is opened: SQLite users need not install it.
import type pg from "pg";

const INT8_OID = 20;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** the pg module, or a clear error saying how to get it */
export async function loadPg(): Promise<typeof pg> {
  try {
    return (await import("pg")).default;
  } catch (err) {
    if ((err as { code?: string }).code !== "ERR_MODULE_NOT_FOUND") throw err;
    throw new Error("a PostgreSQL store needs the pg package beside @llmscope/collector: npm install pg@8");
  }
}

export interface PoolOptions {
  /** connections kept open; default 10 */
  max?: number;
  /** keep the tables in this schema (created if missing) instead of the role's default */
  schema?: string;
}

export async function createPool(url: string, options: PoolOptions = {}): Promise<pg.Pool> {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error(`schema must be a lower-case SQL identifier, got ${JSON.stringify(options.schema)}`);
  }
  const pg = await loadPg();
  const types = {
    getTypeParser: ((oid: number, format?: "text" | "binary") =>
      oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
  };
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    types,
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // an idle connection the server dropped is replaced on next use; without a
  // listener its error would end the process
  pool.on("error", () => {});
  return pool;
}

const RETRYABLE = new Set(["40001", "40P01"]); // serialization failure, deadlock

/** runs fn in one transaction; retried whole when PostgreSQL picked it as a deadlock victim */
export async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query("BEGIN");
      const result = await fn(client);
      await client.query("COMMIT");
      return result;
    } catch (err) {
      await client.query("ROLLBACK").catch((e: Error) => (broken = e));
      if (attempt < 5 && RETRYABLE.has((err as { code?: string }).code ?? "")) continue;
      throw err;
    } finally {
      // a connection that cannot even roll back is dropped, not reused
      client.release(broken);
    }
  }
}
