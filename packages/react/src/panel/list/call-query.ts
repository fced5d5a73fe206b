import type { LLMCall } from "@llmscope/core";

export type SortKey = "time" | "latency" | "tokens" | "cost";

export interface ListQuery {
  text: string;
  model: string;
  provider: string;
  session: string;
  /** "key=value", or a bare value that any tag may hold */
  tag: string;
  errorsOnly: boolean;
  sort: SortKey;
  descending: boolean;
}

export const emptyQuery: ListQuery = {
  text: "",
  model: "",
  provider: "",
  session: "",
  tag: "",
  errorsOnly: false,
  sort: "time",
  descending: true,
};

// Lower-casing every prompt on every keystroke would dominate search time;
// a call object never changes (updates replace it), so its haystack is cached by identity.
const haystacks = new WeakMap<LLMCall, string>();

function haystack(call: LLMCall): string {
  let text = haystacks.get(call);
  if (text === undefined) {
    text = `${call.prompt?.text ?? ""}\n${call.completion?.text ?? ""}`.toLowerCase();
    haystacks.set(call, text);
  }
  return text;
}

function matchesTag(call: LLMCall, tag: string): boolean {
  const tags = call.tags ?? {};
  const eq = tag.indexOf("=");
  if (eq > 0) return tags[tag.slice(0, eq).trim()] === tag.slice(eq + 1).trim();
  return Object.values(tags).some((v) => v === tag);
}

export function matchesQuery(call: LLMCall, q: ListQuery, needle: string): boolean {
  if (q.errorsOnly && !call.error) return false;
  if (q.model && (call.responseModel ?? call.model) !== q.model && call.model !== q.model) return false;
  if (q.provider && call.provider !== q.provider) return false;
  if (q.session && call.sessionId !== q.session) return false;
  if (q.tag && !matchesTag(call, q.tag)) return false;
  if (needle && !haystack(call).includes(needle)) return false;
  return true;
}

function sortValue(call: LLMCall, key: SortKey): number {
  switch (key) {
    case "latency":
      return call.timing?.durationMs ?? -1;
    case "tokens":
      return (call.usage?.inputTokens ?? 0) + (call.usage?.outputTokens ?? 0);
    case "cost":
      return call.cost?.totalUSD ?? -1;
    default:
      return call.startedAt;
  }
}

/** The ids the list shows, in the order it shows them. */
export function visibleIds(ids: readonly string[], calls: ReadonlyMap<string, LLMCall>, q: ListQuery): string[] {
  const needle = q.text.trim().toLowerCase();
  const out: string[] = [];
  for (const id of ids) {
    const call = calls.get(id);
    if (call && matchesQuery(call, q, needle)) out.push(id);
  }
  if (q.sort === "time") return q.descending ? out.reverse() : out;
  const value = new Map(out.map((id) => [id, sortValue(calls.get(id)!, q.sort)]));
  out.sort((a, b) => (value.get(a)! - value.get(b)!) * (q.descending ? -1 : 1));
  return out;
}

/** Same calls, same filters, a longer search text: only the previous matches can still match. */
export function narrows(previous: ListQuery, next: ListQuery): boolean {
  const before = previous.text.trim().toLowerCase();
  const after = next.text.trim().toLowerCase();
  return (
    after.length > before.length &&
    after.includes(before) &&
    previous.model === next.model &&
    previous.provider === next.provider &&
    previous.session === next.session &&
    previous.tag === next.tag &&
    previous.errorsOnly === next.errorsOnly &&
    previous.sort === next.sort &&
    previous.descending === next.descending
  );
}

export function narrowIds(previous: readonly string[], calls: ReadonlyMap<string, LLMCall>, q: ListQuery): string[] {
  const needle = q.text.trim().toLowerCase();
  return previous.filter((id) => {
    const call = calls.get(id);
    return call !== undefined && matchesQuery(call, q, needle);
  });
}

/** Distinct values for the filter menus. */
export function facetValues(calls: ReadonlyMap<string, LLMCall>) {
  const models = new Set<string>();
  const providers = new Set<string>();
  const sessions = new Set<string>();
  const tags = new Set<string>();
  for (const call of calls.values()) {
    // the model asked for: a served snapshot ("gpt-4o-mini-2024-07-18") is the same choice, and filtering by the asked name finds both
    const model = call.model ?? call.responseModel;
    if (model) models.add(model);
    if (call.provider) providers.add(call.provider);
    if (call.sessionId) sessions.add(call.sessionId);
    for (const [k, v] of Object.entries(call.tags ?? {})) tags.add(`${k}=${v}`);
  }
  const sorted = (s: Set<string>) => [...s].sort();
  return { models: sorted(models), providers: sorted(providers), sessions: sorted(sessions), tags: sorted(tags) };
}

export function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
