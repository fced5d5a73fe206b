export { isSecretName } from "./is-secret-name.ts";
export { safeHeaders } from "./safe-headers.ts";
export { safeUrl } from "./safe-url.ts";
