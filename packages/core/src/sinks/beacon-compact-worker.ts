// What `#load-beacon-compact` resolves to in Workers builds (the "workerd"
// condition): gzip by the runtime's CompressionStream and prompt.text left out
// for a collector that rebuilds it, as elsewhere, linked statically (a Worker
// bundle inlines a dynamic import anyway, with a module wrapper); nothing held
// deflated. Node's zlib, which the held deflate and the level-1 gzip need, is
// reachable in a Worker only under nodejs_compat, and a Worker's beacon sends
// each request's calls within that request's ctx.waitUntil: calls wait in
// memory only between a failed send and its retries, within the queue's bounds.
import { acceptsGzip, gzipStream } from "./gzip-stream.ts";
import type { Compact } from "./load-beacon-compact.ts";
import { rebuildsPromptText, textIsRebuilt, withPromptText } from "./rebuilt-prompt-text.ts";

const compact: Compact = { acceptsGzip, gzip: gzipStream, rebuildsPromptText, textIsRebuilt, withPromptText, chillWaiting: () => {} };

export const compactNow = (): Compact => compact;

export const loadCompact = (): Promise<Compact> => Promise.resolve(compact);
