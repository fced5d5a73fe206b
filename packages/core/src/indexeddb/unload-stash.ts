// IndexedDB cannot promise a write begun while the page unloads: the browser
// closes the connection and aborts every transaction that has not committed
// (measured in Chromium: 0 of 4 calls kept when the page navigated 20 ms after
// they ended). localStorage writes synchronously, so what is not yet committed
// when the page hides is also kept there, under a key of this page's own, and
// moved into IndexedDB by the next sink that opens the same database. Calls are
// stored by id, so one both committed and stashed is stored once.
import type { LLMCall } from "../types.ts";

const PREFIX = "llmscope:unsaved:";
/** localStorage holds about 5 MB an origin; the stash takes at most a fifth of it */
export const MAX_STASH_CHARS = 1_000_000;

export interface UnloadStash {
  /** keep these calls (newest last) in place of what this page kept before; returns how many did not fit */
  keep(calls: LLMCall[]): number;
  /** forget what this page kept: it is committed */
  clear(): void;
  /** what other pages kept for this database, and a way to forget it once it is stored */
  take(): { calls: LLMCall[]; forget(): void };
}

function localStore(): Storage | undefined {
  try {
    return (globalThis as { localStorage?: Storage }).localStorage ?? undefined;
  } catch {
    // sandboxed frames and some privacy modes throw on the mere access
    return undefined;
  }
}

/** undefined where there is no localStorage (Workers, Node, sandboxed frames) */
export function unloadStash(dbName: string): UnloadStash | undefined {
  const storage = localStore();
  if (!storage) return undefined;
  const scope = `${PREFIX}${dbName}:`;
  const own = `${scope}${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
  let kept = false;
  return {
    keep(calls) {
      // newest first until the cap, so a huge backlog keeps its latest calls
      const rows: string[] = [];
      let chars = 2;
      for (let i = calls.length - 1; i >= 0; i--) {
        const row = JSON.stringify(calls[i]);
        if (chars + row.length + 1 > MAX_STASH_CHARS) break;
        rows.push(row);
        chars += row.length + 1;
      }
      try {
        if (rows.length) storage.setItem(own, `[${rows.join(",")}]`);
        else if (kept) storage.removeItem(own);
        kept = rows.length > 0;
        return calls.length - rows.length;
      } catch {
        return calls.length;
      }
    },
    clear() {
      if (!kept) return;
      kept = false;
      try {
        storage.removeItem(own);
      } catch {
        // nothing to do: the next page finds the calls and stores them again, by id
      }
    },
    take() {
      const keys: string[] = [];
      const calls: LLMCall[] = [];
      try {
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i);
          if (!key?.startsWith(scope) || key === own) continue;
          keys.push(key);
          const rows = JSON.parse(storage.getItem(key) ?? "[]") as unknown;
          if (Array.isArray(rows)) calls.push(...(rows as LLMCall[]));
        }
      } catch {
        // an unreadable stash is left for nobody: forget() removes it with the rest
      }
      return {
        calls,
        forget() {
          for (const key of keys) {
            try {
              storage.removeItem(key);
            } catch {
              // gone already, or storage refused: the next take() tries again
            }
          }
        },
      };
    },
  };
}
