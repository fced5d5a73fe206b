export { memorySink, type MemorySink, type MemorySinkOptions } from "./memory-sink.ts";
// "#beacon-sink" is ./beacon-sink.ts, or in browser builds ./lazy-beacon-sink.ts, whose delivery is a chunk
export { beaconSink } from "#beacon-sink";
export type { BeaconSinkOptions } from "./beacon-options.ts";
export * from "./envelope.ts";
