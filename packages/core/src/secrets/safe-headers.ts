import { isSecretName } from "./is-secret-name.ts";

/** headers as a plain object, every credential-bearing one left out */
export function safeHeaders(headers: Headers | HeadersInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!headers) return out;
  const add = (name: string, value: string) => {
    if (!isSecretName(name)) out[name.toLowerCase()] = value;
  };
  if (typeof (headers as Headers).forEach === "function" && !Array.isArray(headers)) (headers as Headers).forEach((value, name) => add(name, value));
  else if (Array.isArray(headers)) for (const [name, value] of headers) add(name!, value!);
  else for (const name of Object.keys(headers)) add(name, String((headers as Record<string, string>)[name]));
  return out;
}
