// The impact scope of one bad trace: calls sharing its fingerprint, or whose
// normalized prompt text hashes the same, within a window around it.
import type Database from "better-sqlite3";
import type { CallSummary, SimilarCalls, SimilarQuery } from "./call-store.ts";

export interface SummaryRow {
  id: string;
  started_at: number;
  user_id: string | null;
  feature: string | null;
  model: string | null;
  total_tokens: number | null;
  cost_usd: number | null;
  error_kind: string | null;
  same_fp: number;
}

export function createSimilar(db: Database.Database) {
  const anchor = db.prepare("SELECT fingerprint, prompt_hash, started_at FROM calls WHERE id = ?");
  const scope = "(fingerprint = @fp OR prompt_hash = @ph) AND started_at >= @from AND started_at <= @to AND id != @id";
  const counts = db.prepare(`SELECT COUNT(*) AS total, COALESCE(SUM(fingerprint = @fp), 0) AS same_fp FROM calls WHERE ${scope}`);
  const byUser = db.prepare(
    `SELECT COALESCE(user_id, '') AS k, COUNT(*) AS n FROM calls WHERE ${scope} GROUP BY 1 ORDER BY n DESC, k LIMIT 100`,
  );
  const byFeature = db.prepare(
    `SELECT COALESCE(feature, '') AS k, COUNT(*) AS n FROM calls WHERE ${scope} GROUP BY 1 ORDER BY n DESC, k LIMIT 100`,
  );
  const list = db.prepare(`SELECT id, started_at, user_id, feature, model, total_tokens, cost_usd, error_kind,
      fingerprint = @fp AS same_fp FROM calls WHERE ${scope} ORDER BY started_at DESC, id DESC LIMIT @limit`);

  return (id: string, q: SimilarQuery): SimilarCalls | undefined => {
    const a = anchor.get(id) as { fingerprint: string; prompt_hash: string; started_at: number } | undefined;
    if (!a) return undefined;
    const params = { fp: a.fingerprint, ph: a.prompt_hash, from: a.started_at - q.windowMs, to: a.started_at + q.windowMs, id };
    const c = counts.get(params) as { total: number; same_fp: number };
    const rows = list.all({ ...params, limit: q.limit }) as SummaryRow[];
    return {
      callId: id,
      fingerprint: a.fingerprint,
      promptHash: a.prompt_hash,
      window: { from: params.from, to: params.to },
      total: c.total,
      sameFingerprint: c.same_fp,
      samePromptOnly: c.total - c.same_fp,
      byUser: (byUser.all(params) as { k: string; n: number }[]).map((r) => ({ userId: r.k, calls: r.n })),
      byFeature: (byFeature.all(params) as { k: string; n: number }[]).map((r) => ({ feature: r.k, calls: r.n })),
      calls: rows.map(toSummary),
    };
  };
}

export function toSummary(r: SummaryRow): CallSummary {
  const s: CallSummary = { id: r.id, startedAt: r.started_at, match: r.same_fp ? "fingerprint" : "prompt" };
  if (r.user_id !== null) s.userId = r.user_id;
  if (r.feature !== null) s.feature = r.feature;
  if (r.model !== null) s.model = r.model;
  if (r.total_tokens !== null) s.totalTokens = r.total_tokens;
  if (r.cost_usd !== null) s.costUSD = r.cost_usd;
  if (r.error_kind !== null) s.errorKind = r.error_kind;
  return s;
}
