export { memorySink, type MemorySink, type MemorySinkOptions } from "./memory-sink.ts";
export { beaconSink, type BeaconSinkOptions } from "./beacon-sink.ts";
export * from "./envelope.ts";
