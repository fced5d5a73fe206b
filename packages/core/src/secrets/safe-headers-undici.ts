// safeHeaders for Node, where fetch is undici's: its Headers keep their
// entries, sorted, in an array built once per Headers (again after a change)
// behind a symbol on the prototype. The public iterator walks that very
// array, but allocates a pair and a result per header and brand-checks each
// step; handing safeHeaders the array as pairs does neither, with the same
// entries in the same order. Any other Headers (a polyfill, another realm), a
// record or pairs go as given. Workers, browsers, Deno and Bun link
// secrets/index.ts's safeHeaders itself (see #safe-headers in package.json).
import { safeHeaders as safeHeadersOfAny } from "./index.ts";

const SORTED = typeof Headers === "function" ? Object.getOwnPropertySymbols(Headers.prototype).find((s) => s.description === "headers map sorted") : undefined;

/** undici's own array of a Headers' entries, when headers is one */
export function sortedEntries(headers: HeadersInit | undefined): [string, string][] | undefined {
  try {
    const sorted: unknown = SORTED && headers && (headers as Record<symbol, unknown>)[SORTED];
    if (Array.isArray(sorted)) return sorted as [string, string][];
  } catch {
    // an object made from Headers.prototype without being one: the getter throws
  }
  return undefined;
}

export const safeHeaders = (headers: HeadersInit | undefined): Record<string, string> => safeHeadersOfAny(sortedEntries(headers) ?? headers);
