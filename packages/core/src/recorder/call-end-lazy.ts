// The recorder's way to what a call's end needs (#load-call-end, except in
// Workers builds, see call-end-eager.ts): one dynamic import (#call-end), begun
// when the recorder starts recording. Work that needs it runs at once when it
// has loaded, else in the order it came once it has (see whenCallEnd), so the
// first calls rarely wait and never overtake each other.
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
