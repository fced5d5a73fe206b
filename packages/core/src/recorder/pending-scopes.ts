// withTags where there is no AsyncLocalStorage (browsers). Nothing can follow
// fn through its awaits, so a scope stays active for as long as fn is running:
// until it returns, or, when it returns a promise, until that promise settles.
// An SDK call awaits internally before it calls fetch; the fetch still sees
// the tags because the SDK's promise is pending.
//
// Scopes that overlap in time cannot be told from nested ones here. The rule:
// a call sees the tags of every scope still active, merged in the order they
// were entered (the latest entered wins a key both set), and a scope that
// ends is removed wherever it sits, so its tags are never applied again.
import type { Tags } from "../types.ts";
import type { TagScope } from "./tag-scope.ts";

export function createPendingScopes(): TagScope {
  const active: Tags[] = [];
  let merged: Tags | undefined;
  return {
    run(given, fn) {
      // its own object, so removing it never takes an identical scope's entry
      const tags = { ...given };
      active.push(tags);
      merged = { ...merged, ...tags };
      const end = () => {
        active.splice(active.lastIndexOf(tags), 1);
        merged = active.length ? Object.assign({}, ...active) : undefined;
      };
      let result;
      try {
        result = fn();
      } catch (err) {
        end();
        throw err;
      }
      // Only real promises are watched: any other thenable (a query builder,
      // say) may start its work on every then(), so calling it would repeat
      // the work. The app's own await calls the same then(): an SDK promise
      // that starts parsing on then() does the same work it would have done.
      if (!(result instanceof Promise)) end();
      else {
        try {
          result.then(end, end);
        } catch {
          end();
        }
      }
      return result;
    },
    current: () => merged,
  };
}
