// Cloudflare AI Gateway: /v1/{account}/{gateway}/{provider}/{provider's own path}.
// The provider's own path still ends the URL, so the adapters match it as is;
// this only names the provider behind the gateway.
import type { ProviderMatch } from "./types.ts";

/** gateway slugs that differ from our provider names; a Map, since slugs are user input */
const NAMES = new Map([
  ["google-ai-studio", "google"],
  ["google-vertex-ai", "google"],
  ["azure-openai", "azure"],
]);

export const viaGateway = (url: URL, match: ProviderMatch): ProviderMatch => {
  // the host first: every call reads this, and splitting the path of one that is no gateway's was most of its cost
  if (url.hostname !== "gateway.ai.cloudflare.com") return match;
  const [, v1, , , slug = "", next, deployment] = url.pathname.split("/");
  if (v1 !== "v1" || next === undefined) return match;
  // the unified /compat endpoint names no provider
  const m: ProviderMatch = { ...match, provider: slug === "compat" ? match.provider : (NAMES.get(slug) ?? slug), gateway: "cloudflare" };
  // azure-openai/{resource}/{deployment}/…: the deployment is the chosen model
  if (slug === "azure-openai") m.model = deployment;
  return m;
};
