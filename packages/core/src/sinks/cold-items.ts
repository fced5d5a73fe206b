// Calls that wait while the collector cannot be reached are kept deflated, in
// memory, until they are sent: a queue of 1,000 calls held ~3.3 MB of JSON in
// the peer bench with the endpoint down. Outside browsers only (browsers keep
// waiting calls in the IndexedDB outbox), and only where the runtime lends its
// own zlib (Node, through process.getBuiltinModule).
//
// Waiting items are deflated together, a segment of up to 32 at a time, one
// segment per task (a few ms at most): calls share their template, headers
// and session, so a segment takes ~85 bytes a call where one deflated alone
// took ~1.2 KB, and one zlib stream costs a fraction of 32. A cold item's
// `json` is a getter that inflates its segment again (once per batch built:
// the last segment inflated is kept until the next task) and slices its part;
// its `bytes`, which the queue's bounds count, stay those of its JSON. What a
// segment keeps is a one-byte string on the heap, its exact size, never a
// Buffer outside it (zlib's are views of 16 KiB blocks).
import type { BeaconItem } from "./beacon-outbox.ts";

type Bytes = Uint8Array & { toString(encoding: "utf8" | "latin1"): string };
type Zlib = { deflateRawSync(text: string, options: { level: number }): Bytes; inflateRawSync(packed: Uint8Array): Bytes };
type BufferClass = { from(text: string, encoding: "latin1"): Uint8Array };

/** items deflated together, in one task */
const SEGMENT = 32;
/** JSON shorter than this is left as it is: the saving would not pay for the work */
const MIN_CHARS = 512;

const cold = new WeakSet<BeaconItem>();
const runtime = (): { zlib: Zlib; Buffer: BufferClass } | undefined => {
  const g = globalThis as { Buffer?: BufferClass; process?: { getBuiltinModule?: (id: string) => Zlib | undefined } };
  const zlib = g.Buffer && g.process?.getBuiltinModule?.("node:zlib");
  return zlib ? { zlib, Buffer: g.Buffer! } : undefined;
};

/** the last segment inflated, until the next task: a batch reads its items one after another */
let inflated: { packed: string; text: string } | undefined;

/** a segment's text, inflated again when read (made apart from chill: a closure there would hold its JSON alive) */
function segmentText(packed: string, { zlib, Buffer }: { zlib: Zlib; Buffer: BufferClass }): () => string {
  return () => {
    if (inflated?.packed !== packed) {
      inflated = { packed, text: zlib.inflateRawSync(Buffer.from(packed, "latin1")).toString("utf8") };
      setTimeout(() => (inflated = undefined));
    }
    return inflated.text;
  };
}

const readFrom = (item: BeaconItem, text: () => string, from: number, to: number) =>
  Object.defineProperty(item, "json", { get: () => text().slice(from, to), enumerable: true, configurable: true });

/** deflates items together in place; false when they are left as they were (zlib missing, or too little to gain) */
export function chill(items: BeaconItem[], found = runtime()): boolean {
  if (!found) return false;
  // each item is looked at once, whatever comes of it
  const fresh = items.filter((i) => !cold.has(i) && (cold.add(i), i.json.length >= MIN_CHARS));
  if (!fresh.length) return false;
  const lengths = fresh.map((i) => i.json.length);
  const whole = fresh.map((i) => i.json).join("");
  const deflated = found.zlib.deflateRawSync(whole, { level: 1 });
  if (deflated.byteLength > whole.length * 0.8) return false;
  const text = segmentText(deflated.toString("latin1"), found);
  for (let i = 0, start = 0; i < fresh.length; i++) readFrom(fresh[i]!, text, start, (start += lengths[i]!));
  return true;
}

/** the queues being deflated now, each by its reader */
const chilling = new WeakSet<() => BeaconItem[]>();

/** deflates, a segment per task, whatever waits in a queue (read afresh each task: it changes meanwhile) */
export function chillWaiting(waiting: () => BeaconItem[]): void {
  const found = runtime();
  if (!found || chilling.has(waiting)) return;
  chilling.add(waiting);
  const segment = () => {
    const next = waiting()
      .filter((i) => !cold.has(i))
      .slice(0, SEGMENT);
    if (!next.length) return void chilling.delete(waiting);
    chill(next, found);
    setTimeout(segment);
  };
  segment();
}
