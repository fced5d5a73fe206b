// Vitest 5's reporters call Map.groupBy / Object.groupBy (Node 21+). On Node 20
// a failing test would crash the reporter and hide the failure, so supply them.
type Key = PropertyKey;
type GroupBy<R> = <T>(items: Iterable<T>, key: (item: T, index: number) => Key) => R;

const MapCtor = Map as unknown as { groupBy?: GroupBy<Map<Key, unknown[]>> };
const ObjectCtor = Object as unknown as { groupBy?: GroupBy<Record<Key, unknown[]>> };

function group<T>(items: Iterable<T>, key: (item: T, index: number) => Key, add: (k: Key, item: T) => void): void {
  let i = 0;
  for (const item of items) add(key(item, i++), item);
}

MapCtor.groupBy ??= (items, key) => {
  const groups = new Map<Key, unknown[]>();
  group(items, key, (k, item) => {
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  });
  return groups;
};

ObjectCtor.groupBy ??= (items, key) => {
  const groups: Record<Key, unknown[]> = Object.create(null);
  group(items, key, (k, item) => void (groups[k] ??= []).push(item));
  return groups;
};
