// What `#beacon-page` resolves to in Workers builds (the "workerd" condition):
// a Worker has no page to hide and no IndexedDB, and its beacon is never
// created with a document present, so the page's part (beacon-page.ts) is
// never called there; this keeps it, and the outbox's loader, out of the bundle.
import type { Outbox } from "./beacon-outbox.ts";

export const watchPage = (..._args: unknown[]): Promise<Outbox | undefined> | undefined => undefined;
