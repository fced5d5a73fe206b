// The SSE framer choice, measured: the hand-rolled one against
// eventsource-parser 3, on bytes and on time per chunk.
import { createParser } from "eventsource-parser";
import { createSSEFramer } from "../src/stream/framer.ts";
import { minGzip } from "./bundle-size.ts";
import { sseChunks } from "./fixtures.ts";
import { median } from "./measure.ts";

function perChunk(make: (onEvent: () => void) => (text: string) => void, texts: string[], expected: number): number {
  const samples: number[] = [];
  for (let r = 0; r < 25; r++) {
    let events = 0;
    const feed = make(() => events++);
    const t0 = performance.now();
    for (const t of texts) feed(t);
    samples.push((performance.now() - t0) / texts.length);
    if (events !== expected) throw new Error(`framer saw ${events} events, not ${expected}`);
  }
  return median(samples.slice(5));
}

const EVENTS = 2000;

export async function compareSSEFramers() {
  const dec = new TextDecoder();
  // events split at awkward places, as the network does
  const whole = sseChunks(EVENTS).map((c) => dec.decode(c)).join("");
  const texts: string[] = [];
  for (let i = 0; i < whole.length; i += 97) texts.push(whole.slice(i, i + 97));
  const ours = perChunk((onEvent) => {
    const f = createSSEFramer(onEvent);
    return (t) => f.push(t);
  }, texts, EVENTS + 2);
  const theirs = perChunk((onEvent) => {
    const p = createParser({ onEvent });
    return (t) => p.feed(t);
  }, texts, EVENTS + 2);
  return {
    ours: { perChunk: ours, ...(await minGzip(`export { createSSEFramer } from "./src/stream/framer.ts";`)) },
    theirs: { perChunk: theirs, ...(await minGzip(`export { createParser } from "eventsource-parser";`)) },
  };
}
