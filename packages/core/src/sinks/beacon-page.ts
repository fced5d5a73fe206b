// A beacon's part in a browser page (#beacon-page; nothing in Workers builds,
// see no-page.ts): the page hiding or going away hands never-tried calls to
// sendBeacon (hide), and unsent batches wait in IndexedDB (#beacon-outbox)
// for `online` or the next page load.
import type { SinkContext } from "../types.ts";
import type { BeaconItem, Outbox } from "./beacon-outbox.ts";

/**
 * Calls hide when the page hides or goes away; opens the outbox named (none
 * when undefined or without IndexedDB), which hands what earlier pages left
 * unsent to reload, now and on `online`, and resolves to undefined where it cannot open.
 */
export function watchPage(ctx: SinkContext, hide: () => void, name: string | undefined, maxCalls: number, reload: (items: BeaconItem[]) => void): Promise<Outbox | undefined> | undefined {
  const g = globalThis as any;
  g.document.addEventListener("visibilitychange", () => g.document.hidden && hide());
  g.addEventListener("pagehide", hide);
  // "#beacon-outbox" is ./beacon-outbox.ts, or nothing in Workers builds (see no-outbox.ts)
  if (name && g.indexedDB) return import("#beacon-outbox").then((m) => m.openOutbox(name, maxCalls, ctx, reload)).catch((e: unknown) => void ctx.error(e));
}
