// Serves the operator's console (the built @llmscope/console) at every path
// not under /v1/, from local files: no CDN, one index.html for all routes.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, extname, join, normalize, sep } from "node:path";
import type { WebHandler } from "./node-adapter.ts";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".map": "application/json",
  ".woff2": "font/woff2",
};

/** the console's dist folder, found through the installed package; undefined when it is not installed */
export function consoleDistDir(): string | undefined {
  try {
    return join(dirname(createRequire(import.meta.url).resolve("@llmscope/console/package.json")), "dist");
  } catch {
    return undefined;
  }
}

const NOT_BUILT = "The llmscope console is not built: run `pnpm build` (or install @llmscope/console), then restart llmscope serve. The API under /v1/ works meanwhile.\n";

export function consoleAssets(distDir: string | undefined = consoleDistDir()): WebHandler {
  return async (request) => {
    if (request.method !== "GET" && request.method !== "HEAD") return new Response("the console answers GET\n", { status: 405, headers: { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" } });
    if (!distDir) return new Response(NOT_BUILT, { status: 503, headers: { "content-type": "text/plain; charset=utf-8" } });
    let path: string;
    try {
      path = decodeURIComponent(new URL(request.url).pathname);
    } catch {
      return new Response("malformed path\n", { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
    }
    const file = normalize(join(distDir, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(distDir + sep)) return new Response("not found\n", { status: 404 });
    const body = (await readFile(file).catch(() => undefined)) ?? (extname(file) ? undefined : await readFile(join(distDir, "index.html")).catch(() => undefined));
    if (!body) {
      const built = await readFile(join(distDir, "index.html")).then(() => true, () => false);
      return built ? new Response("not found\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } }) : new Response(NOT_BUILT, { status: 503, headers: { "content-type": "text/plain; charset=utf-8" } });
    }
    const type = TYPES[extname(file)] ?? (extname(file) ? "application/octet-stream" : TYPES[".html"]!);
    const immutable = path.startsWith("/assets/");
    return new Response(request.method === "HEAD" ? null : body, {
      headers: {
        "content-type": type,
        "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
        "x-content-type-options": "nosniff",
        // the console loads nothing from elsewhere; recorded prompts must never run as script
        "content-security-policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
      },
    });
  };
}

/** the collector for /v1/…, the console for everything else */
export function withConsole(collector: WebHandler, console: WebHandler): WebHandler {
  return (request, client) => (new URL(request.url).pathname.includes("/v1/") || request.method === "OPTIONS" ? collector(request, client) : console(request));
}
