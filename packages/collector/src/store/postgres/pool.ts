// The connection pool and transactions. Epoch-ms columns are bigint, which pg
// returns as strings by default; this pool (only this one, not pg's global
// parsers) reads them as numbers, exact below 2^53.
import pg from "pg";

const INT8_OID = 20;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

const types = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === INT8_OID ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
};

export interface PoolOptions {
  /** connections kept open; default 10 */
  max?: number;
  /** keep the tables in this schema (created if missing) instead of the role's default */
  schema?: string;
}

export function createPool(url: string, options: PoolOptions = {}): pg.Pool {
  if (options.schema !== undefined && !SCHEMA_NAME.test(options.schema)) {
    throw new Error(`schema must be a lower-case SQL identifier, got ${JSON.stringify(options.schema)}`);
  }
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
