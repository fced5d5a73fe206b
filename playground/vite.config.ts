import { defineConfig, defaultClientConditions, loadEnv, type ProxyOptions } from "vite";
import react from "@vitejs/plugin-react";
import { mockLLMPlugin } from "@llmscope/mock-llm/vite";

// Real-provider mode: keys live in playground/.env.local (never committed) and
// stay in this dev server, which adds them to proxied requests; the browser
// only ever sees /real/<provider>/… URLs.
function realProviderProxies(env: Record<string, string>): Record<string, ProxyOptions> {
  const targets: [string, string, string | undefined, (key: string) => Record<string, string>][] = [
    ["openai", "https://api.openai.com", env.OPENAI_API_KEY, (k) => ({ authorization: `Bearer ${k}` })],
    ["anthropic", "https://api.anthropic.com", env.ANTHROPIC_API_KEY, (k) => ({ "x-api-key": k })],
    ["google", "https://generativelanguage.googleapis.com", env.GEMINI_API_KEY, (k) => ({ "x-goog-api-key": k })],
  ];
  const proxies: Record<string, ProxyOptions> = {};
  for (const [name, target, key, auth] of targets) {
    if (!key) continue;
    proxies[`/real/${name}`] = {
      target,
      changeOrigin: true,
      rewrite: (path) => path.replace(`/real/${name}`, ""),
      headers: auth(key),
      configure: (proxy) =>
        proxy.on("proxyReq", (req) => {
          // the browser sends a placeholder key; only the server's reaches the provider
          for (const h of ["authorization", "x-api-key", "x-goog-api-key"]) if (!(h in auth(key))) req.removeHeader(h);
        }),
    };
  }
  return proxies;
}

export default defineConfig(({ mode }) => {
  const env = loadEnv(mode, import.meta.dirname, "");
  const collector = env.LLMSCOPE_COLLECTOR_URL; // e.g. http://127.0.0.1:4319
  const proxy = realProviderProxies(env);
  // To the page the proxied collector is same-origin, so the page's Origin is not passed on: the collector would
  // take it for another site's page (no CORS for it, and no keyless writes from it)
  if (collector) {
    proxy["/llmscope"] = {
      target: collector,
      changeOrigin: true,
      rewrite: (p) => p.replace("/llmscope", ""),
      configure: (proxy) => proxy.on("proxyReq", (req) => req.removeHeader("origin")),
    };
  }
  return {
    plugins: [react(), mockLLMPlugin({ prefix: "/mock-llm", firstChunkDelayMs: 120, chunkDelayMs: 25, jitterMs: 15 })],
    resolve: { conditions: ["@llmscope/source", ...defaultClientConditions] },
    define: {
      __LLMSCOPE_BEACON__: JSON.stringify(collector ? "/llmscope/v1/calls" : ""),
      __LLMSCOPE_WRITE_KEY__: JSON.stringify(env.LLMSCOPE_WRITE_KEY ?? ""),
      __REAL_PROVIDERS__: JSON.stringify(Object.keys(proxy).filter((p) => p.startsWith("/real/")).map((p) => p.slice(6))),
    },
    server: { host: "127.0.0.1", port: 5173, proxy },
    preview: { host: "127.0.0.1", port: 4173, proxy },
  };
});
