// With no write key set, anyone who can reach the port may write: that is the
// documented local-development mode. It must not extend to any web page the
// developer visits: a page elsewhere can POST to 127.0.0.1 (its Origin gives it
// away) or reach it through DNS rebinding (its Host gives it away). So keyless
// writes are taken only at a loopback or IP-literal host, and from a browser
// only when the page is the collector's own or allowed by --cors.
import { corsHeaders, type CorsSetting } from "./cors.ts";
import { HttpError } from "./responses.ts";

const LOOPBACK_OR_IP = /^(localhost|.+\.localhost|\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i;

export function checkKeylessWrite(request: Request, url: URL, cors: CorsSetting | undefined): void {
  if (!LOOPBACK_OR_IP.test(url.hostname)) {
    throw new HttpError(403, `a collector without keys takes writes only at localhost or an IP address, not at ${url.hostname}; set a write key to serve it by name`);
  }
  const origin = request.headers.get("origin");
  if (origin && origin !== url.origin && !corsHeaders(origin, cors)["access-control-allow-origin"]) {
    throw new HttpError(403, `a page at ${origin} may not write to a collector without keys; allow it with --cors or set a write key`);
  }
}
