// One call: its whole recorded context through the devtools' own detail
// sections (one component, two hosts), and a link to its impact scope.
import type { LLMCall } from "@llmscope/core";
import { CallSections, modelLabel, StatusBadge } from "@llmscope/react/views";
import { useApi } from "../api/use-api.ts";
import { hrefOf } from "../routing/route.ts";
import { useCollector } from "../ui/api-context.ts";
import { LoadedView } from "../ui/loaded-view.tsx";
import { formatInstant, isoInstant } from "../ui/format-instant.ts";

export function CallPage({ id }: { id: string }) {
  const { api } = useCollector();
  const loaded = useApi(() => api.call(id), id);
  return <LoadedView loaded={loaded}>{(call) => <CallDetailView call={call} />}</LoadedView>;
}

function CallDetailView({ call }: { call: LLMCall }) {
  return (
    <article className="detail console-detail" aria-label={`Call ${call.id}`}>
      <header className="detail-head">
        <StatusBadge call={call} />
        <strong className="mono">{modelLabel(call)}</strong>
        <span className="muted">{call.provider} · {call.operation} · {call.stream ? "stream" : "json"}</span>
        <span className="muted num" title={isoInstant(call.startedAt)}>{formatInstant(call.startedAt)}</span>
        <span className="spacer" />
        {call.traceId && <a className="btn" href={hrefOf({ page: "trace", id: call.traceId })}>Its trace</a>}
        <a className="btn" href={hrefOf({ page: "similar", id: call.id })}>Same prompt pattern</a>
      </header>
      <CallSections call={call} feedback={<FeedbackLine call={call} />} />
      <p className="mono muted small">id {call.id}</p>
    </article>
  );
}

/** the console reads feedback; rating is the app's and the devtools' job */
function FeedbackLine({ call }: { call: LLMCall }) {
  if (!call.feedback) return <p className="muted">No feedback.</p>;
  return <p>{call.feedback.score === 1 ? "👍 helpful" : "👎 unhelpful"}{call.feedback.comment ? ` — ${call.feedback.comment}` : ""}</p>;
}
