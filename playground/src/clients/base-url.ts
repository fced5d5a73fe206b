import type { ProviderId } from "./types.ts";

/** Where each SDK is pointed: the built-in mock, or the dev server's real-provider proxy. */
export function baseUrl(provider: Exclude<ProviderId, "ai-sdk">, real: boolean): string {
  const root = `${location.origin}${real ? `/real/${provider}` : "/mock-llm"}`;
  if (provider === "openai") return `${root}/v1`;
  return root;
}

export const isReal = (provider: string) => __REAL_PROVIDERS__.includes(provider);

/** The real keys stay in the dev server; the SDKs only need something non-empty. */
export const PLACEHOLDER_KEY = "sk-playground";
