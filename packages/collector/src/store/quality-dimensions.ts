// What quality is kept under, shared by the SQLite and PostgreSQL stores: the
// score components, and the SQL (valid in both dialects) for the key a call is
// counted under in each dimension, matching ROLLUP_DIMENSIONS.
export const QUALITY_COMPONENTS = ["relevance", "accuracy", "coherence", "safety"] as const;

export const QUALITY_DIMENSION_SQL: Record<string, string> = {
  all: "''",
  department: "COALESCE(department, '')",
  feature: "COALESCE(feature, '')",
  user: "COALESCE(user_id, '')",
  model: "COALESCE(model, '')",
  provider: "provider",
  promptId: "COALESCE(prompt_id, '')",
  prompt: "COALESCE(prompt_id, fingerprint)",
  responseModel: "COALESCE(response_model, '')",
};
