// Alerts persist with a unique dedup key; a per-subject cooldown (in record
// time) keeps a noisy subject from firing again too soon.
import type Database from "better-sqlite3";
import type { Alert } from "../alerts/alert.ts";
import type { AlertQuery } from "./call-store.ts";

/** an alerts row as stored (evidence as JSON text), in both stores */
export interface AlertRow {
  id: string;
  kind: string;
  subject: string;
  dedup_key: string;
  value: number;
  baseline: number;
  threshold: number;
  message: string;
  evidence: string;
  fired_at: number;
}

export interface AlertTable {
  record(alert: Alert, cooldownMs: number): boolean;
  list(query: AlertQuery): Alert[];
}

export function createAlertStore(db: Database.Database): AlertTable {
  const cooling = db.prepare(
    "SELECT 1 FROM alerts WHERE kind = ? AND subject = ? AND fired_at > ? AND fired_at < ? LIMIT 1",
  ).pluck();
  const insert = db.prepare(`INSERT INTO alerts (id, kind, subject, dedup_key, value, baseline, threshold, message,
      evidence, fired_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(dedup_key) DO NOTHING`);

  const record = db.transaction((a: Alert, cooldownMs: number): boolean => {
    if (cooldownMs > 0 && cooling.get(a.kind, a.subject, a.firedAt - cooldownMs, a.firedAt + cooldownMs)) return false;
    const info = insert.run(a.id, a.kind, a.subject, a.dedupKey, a.value, a.baseline, a.threshold, a.message,
      JSON.stringify(a.evidence), a.firedAt, Date.now());
    return info.changes === 1;
  });

  const list = (q: AlertQuery): Alert[] => {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (q.from !== undefined) (where.push("fired_at >= ?"), params.push(q.from));
    if (q.to !== undefined) (where.push("fired_at < ?"), params.push(q.to));
    if (q.kind) (where.push("kind = ?"), params.push(q.kind));
    const sql = `SELECT * FROM alerts ${where.length ? "WHERE " + where.join(" AND ") : ""} ORDER BY fired_at DESC, id LIMIT ?`;
    return (db.prepare(sql).all(...params, q.limit ?? 100) as AlertRow[]).map(alertOfRow);
  };
  return { record, list };
}

export function alertOfRow(r: AlertRow): Alert {
  return {
    id: r.id, kind: r.kind as Alert["kind"], subject: r.subject, dedupKey: r.dedup_key, value: r.value,
    baseline: r.baseline, threshold: r.threshold, message: r.message, evidence: JSON.parse(r.evidence), firedAt: r.fired_at,
  };
}
