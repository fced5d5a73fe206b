// Path parameters (a call id, a promptId) decoded from the URL; a malformed
// %-escape is the client's mistake, answered 400 rather than 500.
import { HttpError } from "./responses.ts";

export function pathParams(groups: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(groups).map(([name, raw]) => {
      try {
        return [name, decodeURIComponent(raw)];
      } catch {
        throw new HttpError(400, `the ${name} in the path has a malformed %-escape`);
      }
    }),
  );
}
