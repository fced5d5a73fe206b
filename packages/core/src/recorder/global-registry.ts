// One installed recorder per global scope, found through a Symbol.for key so
// hot reload and two copies of this package agree on who patched fetch and
// never wrap it twice.
import type { Recorder } from "../types.ts";
import { ORIGINAL_FETCH, type RecordingFetch } from "./recording-fetch.ts";

const REGISTRY = Symbol.for("llmscope.recorder");

interface Registry {
  recorder?: Recorder;
  /** fetch as it was before the installed recorder patched it */
  original?: typeof fetch;
  /** what the installed recorder put on globalThis.fetch */
  wrapper?: typeof fetch;
}

const scope = globalThis as unknown as { [REGISTRY]?: Registry; fetch: typeof fetch };

export const registry = (): Registry => (scope[REGISTRY] ??= {});

/** the recorder whose install() is in effect */
export const getRecorder = (): Recorder | undefined => registry().recorder;

/** fetch as it is now, minus our own wrapper: what sinks send with */
export const unpatchedFetch = (): typeof fetch => (scope.fetch as Partial<RecordingFetch>)[ORIGINAL_FETCH] ?? scope.fetch;

/** put wrap(original) on globalThis.fetch for this recorder, replacing any earlier recorder's wrapper */
export function patchFetch(recorder: Recorder, wrap: (original: typeof fetch) => typeof fetch): void {
  const reg = registry();
  const ours = reg.wrapper !== undefined && scope.fetch === reg.wrapper;
  if (ours && reg.recorder === recorder) return;
  const original = ours ? reg.original! : scope.fetch;
  const wrapper = wrap(original);
  // frameworks tag their fetch (Next.js: __nextPatched); the tags must survive
  for (const key of Reflect.ownKeys(original)) {
    if (key === "length" || key === "name" || key === "prototype" || key === ORIGINAL_FETCH) continue;
    try {
      Object.defineProperty(wrapper, key, Object.getOwnPropertyDescriptor(original, key)!);
    } catch {
      // a non-configurable clash: leave the wrapper's own
    }
  }
  scope.fetch = wrapper;
  scope[REGISTRY] = { recorder, original, wrapper };
}

/** restore the exact original fetch, if this recorder is the installed one */
export function unpatchFetch(recorder: Recorder): void {
  const reg = registry();
  if (reg.recorder !== recorder) return;
  // someone patched on top of us: leave their wrapper; ours goes inactive instead
  if (scope.fetch === reg.wrapper) scope.fetch = reg.original!;
  scope[REGISTRY] = {};
}
