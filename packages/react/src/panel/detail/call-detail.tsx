import { useCalls } from "../../store/use-call-store.ts";
import { formatClock, modelLabel } from "../format.ts";
import { StatusBadge } from "../list/status-badge.tsx";
import { CallSections } from "./call-sections.tsx";
import { CopyCurl } from "./copy-curl.tsx";
import { FeedbackForm } from "./feedback-form.tsx";

/** Everything recorded about one call. Subscribes to that call alone, so it streams in live. */
export function CallDetail({ id, onClose }: { id: string; onClose: () => void }) {
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
      <CallSections call={call} feedback={<FeedbackForm call={call} />} />
    </article>
  );
}
