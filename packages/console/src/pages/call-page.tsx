// One call: its whole recorded context through the devtools' own detail
// sections (one component, two hosts), and a link to its impact scope.
import type { LLMCall } from "@llmscope/core";
import { ChatMessages, CompletionView, ErrorBox, formatClock, GapSparkline, KeyValues, LongText, modelLabel, QualityScores, RawHttp, Section, StatusBadge, TimingWaterfall, UsageCost } from "@llmscope/react/views";
import { useApi } from "../api/use-api.ts";
import { hrefOf } from "../routing/route.ts";
import { useCollector } from "../ui/api-context.ts";
import { LoadedView } from "../ui/loaded-view.tsx";

export function CallPage({ id }: { id: string }) {
  const { api } = useCollector();
  const loaded = useApi(() => api.call(id), id);
  return <LoadedView loaded={loaded}>{(call) => <CallDetailView call={call} />}</LoadedView>;
}

function CallDetailView({ call }: { call: LLMCall }) {
  const parsed = (call.prompt?.messages?.length ?? 0) > 0 || Boolean(call.completion?.text);
  return (
    <article className="detail console-detail" aria-label={`Call ${call.id}`}>
      <header className="detail-head">
        <StatusBadge call={call} />
        <strong className="mono">{modelLabel(call)}</strong>
        <span className="muted">{call.provider} · {call.operation} · {call.stream ? "stream" : "json"}</span>
        <span className="muted num" title={new Date(call.startedAt).toISOString()}>{new Date(call.startedAt).toLocaleDateString()} {formatClock(call.startedAt)}</span>
        <span className="spacer" />
        <a className="btn" href={hrefOf({ page: "similar", id: call.id })}>Same prompt pattern</a>
      </header>
      {call.error && <ErrorBox error={call.error} />}
      <Section title="Prompt">
        <ChatMessages call={call} />
        {!parsed && call.prompt?.text && <LongText text={call.prompt.text} />}
      </Section>
      <Section title="Completion"><CompletionView call={call} /></Section>
      <Section title="Timing">
        <TimingWaterfall timing={call.timing ?? {}} />
        <GapSparkline timing={call.timing ?? {}} />
      </Section>
      <Section title="Usage and cost"><UsageCost call={call} /></Section>
      <Section title="Parameters"><KeyValues values={call.params ?? {}} empty="No parameters." /></Section>
      <Section title="Tags">
        <KeyValues values={call.tags ?? {}} empty="No tags." />
        <p className="mono muted small">id {call.id} · fingerprint {call.fingerprint || "—"} · session {call.sessionId}{call.traceparent ? ` · trace ${call.traceparent}` : ""}</p>
      </Section>
      <Section title="Quality"><QualityScores call={call} /></Section>
      <Section title="Feedback">
        {call.feedback ? <p>{call.feedback.score === 1 ? "👍 helpful" : "👎 unhelpful"}{call.feedback.comment ? ` — ${call.feedback.comment}` : ""}</p> : <p className="muted">No feedback.</p>}
      </Section>
      <Section title="Raw">
        <RawHttp label="Request" http={call.request} open={!parsed} />
        <RawHttp label="Response" http={call.response} open={!parsed} />
      </Section>
    </article>
  );
}
