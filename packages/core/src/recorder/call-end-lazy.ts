// The recorder's way to what a call's end needs, outside Workers builds (see
// call-end-eager.ts): one dynamic import (#call-end), begun when the recorder
// starts recording. What waits for it, and in what order: call-end-line.ts.
import type * as CallEndModule from "./call-end.ts";

export { withoutCallEnd } from "./call-without-chunk.ts";

export type CallEnd = typeof CallEndModule;

let loaded: CallEnd | undefined;
let loading: Promise<CallEnd> | undefined;

/** the module when already loaded, else undefined */
export const callEndNow = (): CallEnd | undefined => loaded;

/** loads it once; a failed load is tried again by the next caller */
export function loadCallEnd(): Promise<CallEnd> {
  loading ??= import("#call-end").then(
    (module: CallEnd) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
