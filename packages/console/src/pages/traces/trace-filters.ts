// The traces page's filters live in its URL; these turn them into the
// collector's /v1/traces query.
import type { Query } from "../../api/collector-api.ts";
import { presentFields, timeRangeOf } from "../call-filters.ts";
import type { SearchField } from "../../ui/search-form.tsx";

export const TRACE_FIELDS: readonly SearchField[] = [
  { name: "name", label: "Trace name" },
  { name: "userId", label: "User id" },
  { name: "sessionId", label: "Session" },
  { name: "feature", label: "Feature" },
  { name: "department", label: "Department" },
  { name: "q", label: "Text in the trace or its calls" },
  { name: "minDurationMs", label: "Minimum duration (ms)", type: "number" },
  { name: "minCostUSD", label: "Minimum cost ($)", type: "number" },
  { name: "from", label: "From", type: "datetime-local" },
  { name: "to", label: "To", type: "datetime-local" },
  { name: "hasError", label: "Has an error", type: "checkbox" },
];

const PASSED_ON = TRACE_FIELDS.filter((f) => f.type !== "datetime-local" && f.type !== "checkbox").map((f) => f.name);

export function traceQueryOf(filters: URLSearchParams): Query {
  const query: Query = { ...presentFields(filters, PASSED_ON), ...timeRangeOf(filters) };
  for (const name of ["minDurationMs", "minCostUSD"]) {
    // a number the collector would refuse with a 400 is dropped here, not sent
    if (query[name] !== undefined && !(Number(query[name]) >= 0)) delete query[name];
  }
  return filters.get("hasError") === "true" ? { ...query, hasError: "true" } : query;
}
