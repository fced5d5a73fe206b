// Who serves an OpenAI-style path. The path decides that the protocol is
// OpenAI's; the host only names the provider, so self-hosted gateways, proxies
// and local servers are recognized too.
import type { Operation } from "../types.ts";
import type { ProviderAdapter, ProviderMatch } from "./types.ts";
import { onPath } from "./adapter.ts";
import { clean } from "./read.ts";

/** the public API hosts of OpenAI-compatible providers name them */
const PROVIDER_HOST = /^(?:api\.)?(openai|groq|mistral|deepseek|openrouter|together)\.(?:com|ai|xyz)$/;

/** otherwise the first rule matching `host + path` names the provider, else "openai-compatible" */
const RULES: [RegExp, string][] = [
  [/\.azure\.com[:/]|\/openai\/(deployments|v1)\//, "azure"],
  [/\/ai\/v1\//, "workers-ai"],
  [/:11434\//, "ollama"],
  // a local server speaking /v1/ is most likely a stand-in for OpenAI itself
  [/^(localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0)(:\d+)?\/(.*\/)?v1\//, "openai"],
];

export const openaiMatch = (url: URL, operation: Operation): ProviderMatch => {
  const where = url.host + url.pathname;
  const provider = PROVIDER_HOST.exec(url.hostname)?.[1] ?? RULES.find(([rule]) => rule.test(where))?.[1] ?? "openai-compatible";
  // Azure names the deployment, not the model, in the path; it is what the caller chose
  return clean({ provider, operation, model: /\/openai\/deployments\/([^/]+)\//.exec(url.pathname)?.[1] });
};

/** the match function of an OpenAI-style endpoint whose path ends as `path` says */
export const onOpenAIPath = (path: RegExp, operation: Operation): ProviderAdapter["match"] =>
  onPath(path, (_, url) => openaiMatch(url, operation));
