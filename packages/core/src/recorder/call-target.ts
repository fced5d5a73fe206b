// Where a fetch goes and which adapter speaks it, worked out once per
// distinct absolute URL and method: an app calls the same few endpoints over
// and over, and parsing the URL and trying each adapter's path on it (every
// URL getter builds a string) was a tenth of the recorder's work on a call.
// Only while the app has registered no adapter of its own (those may answer
// differently from one request to the next), and bounded. The URL and the
// match are shared between calls and only ever read.
import { findWire, mayBeLLMCall } from "../providers/registry.ts";
import { pageURL } from "./recorder-core.ts";

export interface CallTarget {
  url: URL;
  found: ReturnType<typeof findWire>;
}

const MAX_KNOWN = 64;
const known = new Map<string, CallTarget>();
// the last one looked up, apart: three variables, so a hit allocates nothing
let lastHref = "";
let lastMethod = "";
let lastTarget: CallTarget | undefined;

const resolve = (href: string, method: string): CallTarget => {
  const url = new URL(href, pageURL());
  return { url, found: findWire(url, method) };
};

export function callTarget(input: RequestInfo | URL, method: string): CallTarget {
  const href = (input as Request).url ?? String(input);
  // an app's own adapter, or a relative URL (its page may change): looked at afresh
  if (mayBeLLMCall("GET")) return resolve(href, method);
  // an app sends most requests to the URL it sent the last one to: no pattern, no key, no lookup for those
  if (href === lastHref && method === lastMethod) return lastTarget!;
  if (!/^https?:\/\//i.test(href)) return resolve(href, method);
  const key = method + " " + href;
  let target = known.get(key);
  if (!target) {
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(key, (target = resolve(href, method)));
  }
  (lastHref = href), (lastMethod = method), (lastTarget = target);
  return target;
}
