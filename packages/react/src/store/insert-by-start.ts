/**
 * ids oldest first by start time, with the added records merged in. Live
 * records arrive in order, so appending is the common, cheap path.
 */
export function insertByStart<T extends { id: string; startedAt: number }>(
  ids: readonly string[],
  added: readonly T[],
  byId: ReadonlyMap<string, T>,
): string[] {
  const start = (id: string) => byId.get(id)?.startedAt ?? 0;
  const last = ids.length > 0 ? start(ids[ids.length - 1]!) : -Infinity;
  const sortedAdded = [...added].sort((a, b) => a.startedAt - b.startedAt);
  if (sortedAdded[0]!.startedAt >= last) return [...ids, ...sortedAdded.map((c) => c.id)];
  return [...ids, ...sortedAdded.map((c) => c.id)].sort((a, b) => start(a) - start(b));
}
