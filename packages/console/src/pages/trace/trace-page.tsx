// One trace: what the request was, where its time and money went (summary and
// time by kind), then the waterfall of its steps and calls.
import { useApi } from "../../api/use-api.ts";
import type { TraceDetail } from "../../api/types.ts";
import { useCollector } from "../../ui/api-context.ts";
import { LoadedView } from "../../ui/loaded-view.tsx";
import { TraceSummaryView } from "./trace-summary-view.tsx";
import { WaterfallLegend } from "./waterfall-legend.tsx";
import { WaterfallView } from "./waterfall-view.tsx";
import { plural } from "../../ui/plural.ts";

export function TracePage({ id }: { id: string }) {
  const { api } = useCollector();
  const loaded = useApi(() => api.trace(id), id);
  return <LoadedView loaded={loaded}>{(detail) => <TraceView id={id} detail={detail} />}</LoadedView>;
}

function TraceView({ id, detail }: { id: string; detail: TraceDetail }) {
  const { trace, calls } = detail;
  // without the trace record (late or lost) its calls still add up
  const costUSD = trace?.costUSD ?? calls.reduce((sum, c) => sum + (c.cost?.totalUSD ?? 0), 0);
  const tokens = trace ? trace.inputTokens + trace.outputTokens : calls.reduce((sum, c) => sum + (c.usage?.inputTokens ?? 0) + (c.usage?.outputTokens ?? 0), 0);
  return (
    <article className="view trace-view" aria-label={`Trace ${trace?.name ?? id}`}>
      {trace ? <TraceSummaryView trace={trace} /> : <p className="muted" role="note">The trace record has not arrived (yet): its {plural(calls.length, "call")} {calls.length === 1 ? "is" : "are"} shown on their own.</p>}
      <h2 className="section-title">Waterfall</h2>
      <WaterfallLegend />
      <WaterfallView detail={detail} totals={{ costUSD, tokens }} />
      <p className="mono muted small">trace {id}</p>
    </article>
  );
}
