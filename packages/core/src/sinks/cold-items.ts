// Calls that wait while the collector cannot be reached are kept deflated, in
// memory, until they are sent: a queue of 1,000 calls held ~3.3 MB of JSON in
// the peer bench with the endpoint down. Outside browsers only (browsers keep
// waiting calls in the IndexedDB outbox), and only where the runtime lends its
// own zlib (Node, through process.getBuiltinModule). A cold item's `json` is a
// getter that inflates it again when the batch is built (about a tenth of the
// deflate's time); its `bytes`, which the queue's bounds count, stay those of
// the JSON. Deflated a few dozen at a time, one task after another, so a long
// queue never stalls the app's event loop.
import type { BeaconItem } from "./beacon-outbox.ts";

type Zlib = {
  deflateRawSync(text: string, options: { level: number }): Uint8Array;
  inflateRawSync(packed: Uint8Array): { toString(encoding: "utf8"): string };
};

/** items deflated per task */
const SLICE = 32;
/** JSON shorter than this is left as it is: the saving would not pay for the work */
const MIN_CHARS = 512;

const cold = new WeakSet<BeaconItem>();
const zlibOf = (): Zlib | undefined => (globalThis as { process?: { getBuiltinModule?: (id: string) => Zlib | undefined } }).process?.getBuiltinModule?.("node:zlib");

/** deflates one item in place; false when it is left as it was */
export function chill(item: BeaconItem, zlib = zlibOf()): boolean {
  const { json } = item;
  if (!zlib || cold.has(item) || json.length < MIN_CHARS) return false;
  const packed = zlib.deflateRawSync(json, { level: 1 });
  cold.add(item);
  if (packed.byteLength > json.length * 0.8) return false;
  Object.defineProperty(item, "json", { get: () => zlib.inflateRawSync(packed).toString("utf8"), enumerable: true, configurable: true });
  return true;
}

/** the queues being deflated now, each by its reader */
const chilling = new WeakSet<() => BeaconItem[]>();

/** deflates, slice by slice, whatever waits in a queue (read afresh each task: it changes meanwhile) */
export function chillWaiting(waiting: () => BeaconItem[]): void {
  const zlib = zlibOf();
  if (!zlib || chilling.has(waiting)) return;
  chilling.add(waiting);
  const slice = () => {
    let done = 0;
    for (const item of waiting()) if (!cold.has(item) && (chill(item, zlib), ++done == SLICE)) return void setTimeout(slice);
    chilling.delete(waiting);
  };
  slice();
}
