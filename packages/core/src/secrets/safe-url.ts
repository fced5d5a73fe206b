import { isSecretName } from "./is-secret-name.ts";

const MASK = "REDACTED";

/** the URL with credential query values (key=, token=, …) and userinfo masked */
export function safeUrl(url: URL): string {
  if (!url.search && !url.username && !url.password) return url.href;
  const copy = new URL(url.href);
  if (copy.username) copy.username = MASK;
  if (copy.password) copy.password = MASK;
  for (const name of new Set(copy.searchParams.keys())) if (isSecretName(name)) copy.searchParams.set(name, MASK);
  return copy.href;
}
