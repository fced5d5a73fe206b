import { useMemo } from "react";
import { useTraces } from "../../store/use-call-store.ts";
import { StatCard } from "../views/stat-card.tsx";
import { formatMs, formatPercent, formatUSD } from "../format.ts";
import { KindBar } from "./kind-bar.tsx";
import { barKinds, kindLabels } from "./kind-times.ts";
import { computeRequestTallies } from "./request-tallies.ts";
import { traceCss } from "./trace-css.ts";

/** The Session tab's per-request figures; nothing is shown until the app has traced a request. */
export function RequestTalliesCards() {
  const traces = useTraces((s) => s.traces);
  const t = useMemo(() => computeRequestTallies(traces.values()), [traces]);
  if (t.requests === 0 && t.running === 0) return null;
  return (
    <section aria-label="Per request">
      <style>{traceCss}</style>
      <h3 className="section-title">Per request</h3>
      <div className="cards">
        <StatCard label="Requests" value={String(t.requests)} detail={t.running ? `${t.running} running` : `${t.callsPerRequest.toFixed(1)} LLM calls each`} />
        <StatCard label="Cost per request" value={formatUSD(t.costPerRequest)} />
        <StatCard label="Request time p50 / p95" value={t.duration.count ? `${formatMs(t.duration.p50)} / ${formatMs(t.duration.p95)}` : "—"} />
        <StatCard
          label="Request time by kind"
          value={<KindBar times={t.times} />}
          detail={barKinds
            .filter((k) => t.share[k] > 0)
            .map((k) => `${kindLabels[k]} ${formatPercent(t.share[k])}`)
            .join(" · ")}
        />
      </div>
    </section>
  );
}
