import type { LLMCall } from "@llmscope/core";

// The recorder drops credentials before a call is stored; the command asks for
// them through an environment variable instead, so a pasted cURL never leaks one.
const authByProvider: Record<string, [string, string]> = {
  openai: ["Authorization", "Bearer $OPENAI_API_KEY"],
  azure: ["api-key", "$AZURE_OPENAI_API_KEY"],
  anthropic: ["x-api-key", "$ANTHROPIC_API_KEY"],
  google: ["x-goog-api-key", "$GOOGLE_API_KEY"],
};

const secretHeaders = new Set(["authorization", "x-api-key", "api-key", "x-goog-api-key", "cookie", "proxy-authorization"]);
const skippedHeaders = new Set(["content-length", "host", "connection", "accept-encoding"]);

function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function withoutKeyParam(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.searchParams.delete("key");
    return parsed.toString();
  } catch {
    return url.replace(/([?&])key=[^&]*&?/g, "$1").replace(/[?&]$/, "");
  }
}

export function toCurl(call: LLMCall): string {
  // the method is recorded data too: anything but a plain token is quoted, so a pasted command runs nothing else
  const method = call.method || "POST";
  const lines = [`curl -X ${/^[A-Za-z]+$/.test(method) ? method : shellQuote(method)} ${shellQuote(withoutKeyParam(call.url))}`];
  for (const [name, value] of Object.entries(call.request?.headers ?? {})) {
    const lower = name.toLowerCase();
    if (secretHeaders.has(lower) || skippedHeaders.has(lower)) continue;
    lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  const auth = authByProvider[call.provider];
  // double quotes here on purpose: the shell expands the variable
  if (auth) lines.push(`-H "${auth[0]}: ${auth[1]}"`);
  if (call.request?.body !== undefined) lines.push(`--data-raw ${shellQuote(call.request.body)}`);
  return lines.join(" \\\n  ");
}
