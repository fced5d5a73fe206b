// What a beacon does outside browsers once the collector's answer allows it:
// gzip its batches and leave out the prompt text the collector rebuilds; and
// while the collector cannot be reached, keep what waits deflated. Loaded on
// the first readable answer or failed send outside a browser (#beacon-compact), so
// a browser's bundle never carries it: there a Content-Encoding header would
// cost a CORS preflight, and a cross-origin answer's headers are hidden.
export { acceptsGzip, gzip } from "./gzip-body.ts";
export { rebuildsPromptText, textIsRebuilt, withPromptText } from "./rebuilt-prompt-text.ts";
export { chillWaiting } from "./cold-items.ts";
