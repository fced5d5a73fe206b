// What `#load-beacon-compact` resolves to in browser builds (the "browser"
// condition): nothing. A page's beacon never compacts (a Content-Encoding
// header would cost a CORS preflight, and a cross-origin answer's headers are
// hidden), and a page keeps waiting calls in the IndexedDB outbox rather than
// deflated; a browser build's web worker sends plain, whole calls too.
import type { Compact } from "./load-beacon-compact.ts";

export const compactNow = (): Compact | undefined => undefined;

export const loadCompact = (): Promise<Compact | undefined> => Promise.resolve(undefined);
