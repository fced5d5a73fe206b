// Who serves an OpenAI-style path. The path decides that the protocol is
// OpenAI's; the host only names the provider, so self-hosted gateways, proxies
// and local servers are recognized too.
import type { Operation } from "../types.ts";
import type { ProviderMatch } from "./types.ts";
import { clean } from "./read.ts";

const HOSTS: Record<string, string> = Object.assign(Object.create(null), {
  "api.openai.com": "openai",
  "api.groq.com": "groq",
  "api.mistral.ai": "mistral",
  "api.deepseek.com": "deepseek",
  "openrouter.ai": "openrouter",
  "api.together.xyz": "together",
  "api.together.ai": "together",
});

const LOCAL = /^(localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0)$/;

export const openaiMatch = (url: URL, operation: Operation): ProviderMatch => {
  const host = url.hostname, path = url.pathname;
  // Azure names the deployment, not the model, in the path; it is what the caller chose
  const deployment = /\/openai\/deployments\/([^/]+)\//.exec(path)?.[1];
  const provider =
    HOSTS[host] ??
    (deployment || host.endsWith(".azure.com") || path.includes("/openai/v1/")
      ? "azure"
      : path.includes("/ai/v1/")
        ? "workers-ai"
        : url.port === "11434"
          ? "ollama"
          : LOCAL.test(host) && path.includes("/v1/")
            ? "openai"
            : "openai-compatible");
  return clean({ provider, operation, model: deployment });
};
