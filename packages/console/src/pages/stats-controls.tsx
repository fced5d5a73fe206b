// The dimension and period pickers shared by the stats pages, kept in the URL.
import { pageHref } from "../routing/route.ts";

type StatsPage = "cost" | "tokens" | "latency";

export function StatsControls({ page, query, dims }: { page: StatsPage; query: URLSearchParams; dims: readonly string[] }) {
  const current = Object.fromEntries(query);
  const set = (name: string, value: string) => (location.hash = pageHref(page, { ...current, [name]: value }));
  return (
    <div className="filters" role="group" aria-label="Group by">
      <label>
        Group by{" "}
        <select value={query.get("groupBy") ?? dims[0]} onChange={(e) => set("groupBy", e.target.value)}>
          {dims.map((d) => <option key={d} value={d}>{d}</option>)}
        </select>
      </label>
      <label>
        Period{" "}
        <select value={query.get("period") ?? "day"} onChange={(e) => set("period", e.target.value)}>
          {["day", "month", "all"].map((p) => <option key={p} value={p}>{p}</option>)}
        </select>
      </label>
    </div>
  );
}
