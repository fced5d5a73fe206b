// Scopes where there is no AsyncLocalStorage (browsers). Nothing can follow
// fn through its awaits, so a scope stays active for as long as fn is running:
// until it returns, or, when it returns a promise, until that promise settles.
// An SDK call awaits internally before it calls fetch; the fetch still sees
// the scope because the SDK's promise is pending.
//
// Scopes that overlap in time cannot be told from nested ones here. The rule:
// a call sees every scope still active, applied in the order they were
// entered (the latest entered wins a tag both set, and the latest entered
// trace or step is the one a call joins), and a scope that ends is removed
// wherever it sits, so it is never applied again.
import { onSettled } from "./on-settled.ts";
import { applyScope, type Scope, type TagScope } from "./tag-scope.ts";

export function createPendingScopes(): TagScope {
  const active: Scope[] = [];
  let merged: Scope | undefined;
  const enter = <T>(given: Scope, fn: () => T): T => {
    // its own object, so removing it never takes an identical scope's entry
    const change = { ...given };
    active.push(change);
    merged = applyScope(merged, change);
    return onSettled(fn, () => {
      active.splice(active.lastIndexOf(change), 1);
      merged = active.reduce<Scope | undefined>(applyScope, undefined);
    });
  };
  return {
    enter,
    run: (tags, fn) => enter({ tags }, fn),
    state: () => merged,
    current: () => merged?.tags,
  };
}
