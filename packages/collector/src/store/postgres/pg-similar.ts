// The impact scope of one bad trace, as in the SQLite store: calls sharing its
// fingerprint or its normalized prompt hash within a window around it.
import type pg from "pg";
import type { SimilarCalls, SimilarQuery } from "../call-store.ts";
import { toSummary, type SummaryRow } from "../sqlite-similar.ts";

const SCOPE = "(fingerprint = $1 OR prompt_hash = $2) AND started_at >= $3 AND started_at <= $4 AND id <> $5";

export function createPgSimilar(pool: pg.Pool) {
  return async (id: string, q: SimilarQuery): Promise<SimilarCalls | undefined> => {
    const anchor = await pool.query<{ fingerprint: string; prompt_hash: string; started_at: number }>(
      "SELECT fingerprint, prompt_hash, started_at FROM calls WHERE id = $1",
      [id],
    );
    const a = anchor.rows[0];
    if (!a) return undefined;
    const from = a.started_at - q.windowMs;
    const to = a.started_at + q.windowMs;
    const params = [a.fingerprint, a.prompt_hash, from, to, id];
    const [counts, byUser, byFeature, list] = await Promise.all([
      pool.query<{ total: number; same_fp: number }>(
        `SELECT COUNT(*) AS total, COUNT(*) FILTER (WHERE fingerprint = $1) AS same_fp FROM calls WHERE ${SCOPE}`, params),
      pool.query<{ k: string; n: number }>(
        `SELECT COALESCE(user_id, '') COLLATE "C" AS k, COUNT(*) AS n FROM calls WHERE ${SCOPE} GROUP BY 1 ORDER BY n DESC, 1 LIMIT 100`, params),
      pool.query<{ k: string; n: number }>(
        `SELECT COALESCE(feature, '') COLLATE "C" AS k, COUNT(*) AS n FROM calls WHERE ${SCOPE} GROUP BY 1 ORDER BY n DESC, 1 LIMIT 100`, params),
      pool.query<SummaryRow>(
        `SELECT id, started_at, user_id, feature, model, total_tokens, cost_usd, error_kind, (fingerprint = $1)::int AS same_fp
         FROM calls WHERE ${SCOPE} ORDER BY started_at DESC, id DESC LIMIT $6`, [...params, q.limit]),
    ]);
    const c = counts.rows[0]!;
    return {
      callId: id,
      fingerprint: a.fingerprint,
      promptHash: a.prompt_hash,
      window: { from, to },
      total: c.total,
      sameFingerprint: c.same_fp,
      samePromptOnly: c.total - c.same_fp,
      byUser: byUser.rows.map((r) => ({ userId: r.k, calls: r.n })),
      byFeature: byFeature.rows.map((r) => ({ feature: r.k, calls: r.n })),
      calls: list.rows.map(toSummary),
    };
  };
}
