// Vitest 5's reporters call Map.groupBy / Object.groupBy (Node 21+). On Node 20
// a failing test would crash the reporter and hide the failure, so supply them.
type Key = string | number | symbol;

if (typeof Map.groupBy !== "function") {
  Map.groupBy = function groupBy<K, T>(items: Iterable<T>, key: (item: T, index: number) => K): Map<K, T[]> {
    const groups = new Map<K, T[]>();
    let i = 0;
    for (const item of items) {
      const k = key(item, i++);
      const group = groups.get(k);
      if (group) group.push(item);
      else groups.set(k, [item]);
    }
    return groups;
  } as typeof Map.groupBy;
}

if (typeof Object.groupBy !== "function") {
  Object.groupBy = function groupBy<T>(items: Iterable<T>, key: (item: T, index: number) => Key) {
    const groups: Partial<Record<Key, T[]>> = Object.create(null);
    let i = 0;
    for (const item of items) (groups[key(item, i++)] ??= []).push(item);
    return groups;
  } as typeof Object.groupBy;
}
