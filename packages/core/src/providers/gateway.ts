// Cloudflare AI Gateway: /v1/{account}/{gateway}/{provider}/{provider's own path}.
// The provider's own path still ends the URL, so the adapters match it as is;
// this only names the provider behind the gateway.
import type { ProviderMatch } from "./types.ts";

const NAMES: Record<string, string> = Object.assign(Object.create(null), {
  "google-ai-studio": "google",
  "google-vertex-ai": "google",
  "azure-openai": "azure",
  compat: "",
});

export const viaGateway = (url: URL, match: ProviderMatch): ProviderMatch => {
  const seg = url.pathname.split("/");
  if (url.hostname !== "gateway.ai.cloudflare.com" || seg[1] !== "v1" || seg.length < 6) return match;
  const slug = seg[4] ?? "";
  const m: ProviderMatch = { ...match, provider: NAMES[slug] ?? slug, gateway: "cloudflare" };
  if (!m.provider) m.provider = match.provider; // the unified /compat endpoint names no provider
  // azure-openai/{resource}/{deployment}/…: the deployment is the chosen model
  if (slug === "azure-openai") m.model = seg[6];
  return m;
};
