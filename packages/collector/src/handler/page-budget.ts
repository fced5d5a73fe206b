// One answer's size is bounded: a page of calls stops at the call that would
// take it past the budget (the first call always fits), and its cursor then
// points there, so a client pages on through large calls instead of the
// server building one answer of hundreds of megabytes.
import type { CallPage } from "../store/call-store.ts";
import { encodeCursor } from "../store/cursor.ts";

export function withinBudget(page: CallPage, maxChars: number): CallPage {
  let used = 0;
  for (let i = 0; i < page.calls.length; i++) {
    used += JSON.stringify(page.calls[i]).length;
    if (used > maxChars && i > 0) {
      const kept = page.calls.slice(0, i);
      const last = kept[i - 1]!;
      // the stores page by the rounded startedAt they index
      return { calls: kept, cursor: encodeCursor({ startedAt: Math.round(last.startedAt), id: last.id }) };
    }
  }
  return page;
}
