import { lazy, Suspense } from "react";
import { useCalls } from "../../store/use-call-store.ts";
import { formatClock, modelLabel } from "../format.ts";
import { StatusBadge } from "../list/status-badge.tsx";
import { CallSections } from "./call-sections.tsx";
import { CopyCurl } from "./copy-curl.tsx";
import { FeedbackForm } from "./feedback-form.tsx";

// the trace a call belongs to is looked up in the traces' own lazy chunk
const TraceOfCall = lazy(() => import("../traces/trace-tabs.tsx").then((m) => ({ default: m.TraceOfCall })));

/** Everything recorded about one call. Subscribes to that call alone, so it streams in live. */
export function CallDetail({ id, onClose, onOpenTrace }: { id: string; onClose: () => void; onOpenTrace?: (traceId: string) => void }) {
  const call = useCalls((s) => s.calls.get(id));
  if (!call) return null;
  return (
    <article className="detail" aria-label={`Call ${modelLabel(call)} at ${formatClock(call.startedAt)}`}>
      <header className="detail-head">
        <StatusBadge call={call} />
        <strong className="mono">{modelLabel(call)}</strong>
        <span className="muted">{call.provider} · {call.operation} · {call.stream ? "stream" : "json"}</span>
        <span className="muted num">{formatClock(call.startedAt)}</span>
        <span className="spacer" />
        <CopyCurl call={call} />
        <button type="button" className="icon-btn" aria-label="Close call detail" onClick={onClose}>✕</button>
      </header>
      {call.traceId && onOpenTrace && (
        <Suspense>
          <TraceOfCall call={call} onOpenTrace={onOpenTrace} />
        </Suspense>
      )}
      <CallSections call={call} feedback={<FeedbackForm call={call} />} />
    </article>
  );
}
