// What `#beacon-outbox` resolves to in Workers builds (the "workerd"
// condition): a Worker has no IndexedDB, so beaconSink never opens an outbox
// there, but a single-file Worker bundle would still inline idb through the
// dynamic import. This keeps it out.
import type { Outbox } from "./beacon-outbox.ts";

export async function openOutbox(..._args: unknown[]): Promise<Outbox | undefined> {
  return undefined;
}
