import { useCalls } from "../../store/use-call-store.ts";
import { formatClock, modelLabel } from "../format.ts";
import { StatusBadge } from "../list/status-badge.tsx";
import { ChatMessages } from "./chat-messages.tsx";
import { CompletionView } from "./completion-view.tsx";
import { CopyCurl } from "./copy-curl.tsx";
import { ErrorBox } from "./error-box.tsx";
import { FeedbackForm } from "./feedback-form.tsx";
import { QualityScores } from "./quality-scores.tsx";
import { GapSparkline } from "./gap-sparkline.tsx";
import { KeyValues } from "./key-values.tsx";
import { LongText } from "./long-text.tsx";
import { RawHttp } from "./raw-http.tsx";
import { Section } from "./section.tsx";
import { TimingWaterfall } from "./timing-waterfall.tsx";
import { UsageCost } from "./usage-cost.tsx";

/** Everything recorded about one call. Subscribes to that call alone, so it streams in live. */
export function CallDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const call = useCalls((s) => s.calls.get(id));
  if (!call) return null;
  // an unknown provider yields no parsed prompt: then the raw bodies are the useful view
  const parsed = (call.prompt?.messages?.length ?? 0) > 0 || Boolean(call.completion?.text);
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
      {call.error && <ErrorBox error={call.error} />}
      <Section title="Prompt">
        <ChatMessages call={call} />
        {!parsed && call.prompt?.text && <LongText text={call.prompt.text} />}
      </Section>
      <Section title="Completion">
        <CompletionView call={call} />
      </Section>
      <Section title="Timing">
        <TimingWaterfall timing={call.timing ?? {}} />
        <GapSparkline timing={call.timing ?? {}} />
      </Section>
      <Section title="Usage and cost">
        <UsageCost call={call} />
      </Section>
      <Section title="Parameters">
        <KeyValues values={call.params ?? {}} empty="No parameters." />
      </Section>
      <Section title="Tags">
        <KeyValues values={call.tags ?? {}} empty="No tags." />
        <p className="mono muted small">fingerprint {call.fingerprint || "—"} · session {call.sessionId}{call.traceparent ? ` · trace ${call.traceparent}` : ""}</p>
      </Section>
      <Section title="Quality">
        <QualityScores call={call} />
      </Section>
      <Section title="Feedback">
        <FeedbackForm call={call} />
      </Section>
      <Section title="Raw">
        <RawHttp label="Request" http={call.request} open={!parsed} />
        <RawHttp label="Response" http={call.response} open={!parsed} />
        {!call.request && !call.response && <p className="muted">No raw bodies were captured.</p>}
      </Section>
    </article>
  );
}
