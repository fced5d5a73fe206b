// Alerts with a unique dedup key and a per-subject cooldown in record time.
// The cooldown check and the insert run under one advisory lock per subject,
// so two collectors evaluating the same subject at once fire it once.
import type pg from "pg";
import type { Alert } from "../../alerts/alert.ts";
import type { AlertQuery } from "../call-store.ts";
import { alertOfRow, type AlertRow } from "../sqlite-alerts.ts";
import { inTransaction } from "./pool.ts";
import { withoutNul } from "./pg-text.ts";

export function createPgAlerts(pool: pg.Pool) {
  return {
    record: (a: Alert, cooldownMs: number): Promise<boolean> =>
      inTransaction(pool, async (db) => {
        await db.query("SELECT pg_advisory_xact_lock(hashtext($1))", [withoutNul(`llmscope:alert:${a.kind}:${a.subject}`)]);
        if (cooldownMs > 0) {
          const { rowCount } = await db.query(
            "SELECT 1 FROM alerts WHERE kind = $1 AND subject = $2 AND fired_at > $3 AND fired_at < $4 LIMIT 1",
            [a.kind, withoutNul(a.subject), a.firedAt - cooldownMs, a.firedAt + cooldownMs],
          );
          if (rowCount) return false;
        }
        const { rowCount } = await db.query(
          `INSERT INTO alerts (id, kind, subject, dedup_key, value, baseline, threshold, message, evidence, fired_at, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (dedup_key) DO NOTHING`,
          [a.id, a.kind, ...[a.subject, a.dedupKey].map(withoutNul), a.value, a.baseline, a.threshold, withoutNul(a.message), JSON.stringify(a.evidence), a.firedAt, Date.now()],
        );
        return rowCount === 1;
      }),

    async list(q: AlertQuery): Promise<Alert[]> {
      const where: string[] = [];
      const params: (string | number)[] = [];
      const add = (clause: string, v: string | number) => (params.push(v), where.push(clause.replace("?", `$${params.length}`)));
      if (q.from !== undefined) add("fired_at >= ?", q.from);
      if (q.to !== undefined) add("fired_at < ?", q.to);
      if (q.kind) add("kind = ?", q.kind);
      params.push(q.limit ?? 100);
      const { rows } = await pool.query<AlertRow>(
        `SELECT * FROM alerts ${where.length ? "WHERE " + where.join(" AND ") : ""} ORDER BY fired_at DESC, id COLLATE "C" LIMIT $${params.length}`,
        params,
      );
      return rows.map(alertOfRow);
    },
  };
}
