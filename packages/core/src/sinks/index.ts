export { memorySink, type MemorySink, type MemorySinkOptions } from "./memory-sink.ts";
import type { BeaconSink, BeaconSinkOptions } from "./beacon-options.ts";
// "#beacon-sink" is ./beacon-sink.ts, or in browser builds ./lazy-beacon-sink.ts, whose delivery is a chunk
import { beaconSink as beaconSinkOfThisRuntime } from "#beacon-sink";

/**
 * Sends calls to a collector's `/v1/calls`, batched, retried and bounded.
 * Typed here rather than re-exported from "#beacon-sink", so the published
 * declarations name no package-internal import, which resolvers without
 * package "imports" support (TypeScript's node10) cannot follow.
 */
export const beaconSink: (options: BeaconSinkOptions) => BeaconSink = beaconSinkOfThisRuntime;
export type { BeaconSinkOptions } from "./beacon-options.ts";
export * from "./envelope.ts";
