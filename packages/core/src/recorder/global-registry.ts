// One installed recorder per global scope, found through a Symbol.for key so
// hot reload and two copies of this package agree on who patched fetch and
// never wrap it twice.
import type { Recorder } from "../types.ts";
import { ORIGINAL_FETCH } from "./recording-fetch.ts";

const REGISTRY = Symbol.for("llmscope.recorder");

interface Registry {
  recorder?: Recorder;
  /** fetch as it was before the installed recorder patched it */
  original?: typeof fetch;
  /** what the installed recorder put on globalThis.fetch */
  wrapper?: typeof fetch;
}

type Global = { [REGISTRY]?: Registry; fetch: typeof fetch };

export function registry(): Registry {
  const g = globalThis as unknown as Global;
  return (g[REGISTRY] ??= {});
}

/** the recorder whose install() is in effect */
export function getRecorder(): Recorder | undefined {
  return registry().recorder;
}

/** fetch as it is now, minus our own wrapper: what sinks send with */
export function unpatchedFetch(): typeof fetch {
  const current = (globalThis as unknown as Global).fetch;
  return (current as { [ORIGINAL_FETCH]?: typeof fetch })[ORIGINAL_FETCH] ?? current;
}

// frameworks tag their fetch (Next.js: __nextPatched); the tags must survive
function copyOwnProperties(from: typeof fetch, to: typeof fetch): void {
  for (const key of Reflect.ownKeys(from)) {
    if (key === "length" || key === "name" || key === "prototype" || key === ORIGINAL_FETCH) continue;
    try {
      Object.defineProperty(to, key, Object.getOwnPropertyDescriptor(from, key)!);
    } catch {
      // a non-configurable clash: leave the wrapper's own
    }
  }
}

/** put wrap(original) on globalThis.fetch for this recorder, replacing any earlier recorder's wrapper */
export function patchFetch(recorder: Recorder, wrap: (original: typeof fetch) => typeof fetch): void {
  const g = globalThis as unknown as Global;
  const reg = registry();
  if (reg.recorder === recorder && g.fetch === reg.wrapper) return;
  const original = reg.wrapper !== undefined && g.fetch === reg.wrapper ? reg.original! : g.fetch;
  const wrapper = wrap(original);
  copyOwnProperties(original, wrapper);
  g.fetch = wrapper;
  Object.assign(reg, { recorder, original, wrapper });
}

/** restore the exact original fetch, if this recorder is the installed one */
export function unpatchFetch(recorder: Recorder): void {
  const g = globalThis as unknown as Global;
  const reg = registry();
  if (reg.recorder !== recorder) return;
  // someone patched on top of us: leave their wrapper; ours goes inactive instead
  if (g.fetch === reg.wrapper) g.fetch = reg.original!;
  reg.recorder = reg.original = reg.wrapper = undefined;
}
