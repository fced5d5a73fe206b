// One conversation replayed turn by turn: what the user asked, what came back,
// and what each turn cost and took, under the session's totals.
import { formatCount, formatMs, formatUSD } from "@llmscope/react/views";
import { useApi } from "../../api/use-api.ts";
import type { SessionDetail, SessionTurn } from "../../api/types.ts";
import { hrefOf } from "../../routing/route.ts";
import { useCollector } from "../../ui/api-context.ts";
import { formatInstant } from "../../ui/format-instant.ts";
import { LoadedView } from "../../ui/loaded-view.tsx";
import { plural } from "../../ui/plural.ts";

export function SessionPage({ id }: { id: string }) {
  const { api } = useCollector();
  const loaded = useApi(() => api.session(id), id);
  return <LoadedView loaded={loaded}>{(detail) => <Conversation detail={detail} />}</LoadedView>;
}

function Conversation({ detail: { session, turns } }: { detail: SessionDetail }) {
  return (
    <article className="view session-view" aria-label={`Session ${session.id}`}>
      <h1 className="trace-title">Session <span className="mono">{session.id}</span></h1>
      <dl className="pairs trace-facts" aria-label="Session totals">
        <div><dt>user</dt><dd className="mono">{session.userId ?? "—"}</dd></div>
        <div><dt>started</dt><dd className="num">{formatInstant(session.startedAt)}</dd></div>
        <div><dt>duration</dt><dd className="num">{formatMs(session.durationMs)}</dd></div>
        <div><dt>turns</dt><dd className="num">{turns.length}</dd></div>
        <div><dt>LLM calls</dt><dd className="num">{session.calls}</dd></div>
        <div><dt>tokens in / out</dt><dd className="num">{formatCount(session.inputTokens)} / {formatCount(session.outputTokens)}</dd></div>
        <div><dt>cost</dt><dd className="num" data-cost-usd={session.costUSD}>{formatUSD(session.costUSD)}</dd></div>
        <div><dt>errors</dt><dd className="num">{session.errors}</dd></div>
      </dl>
      <ol className="turns" aria-label="Turns">
        {turns.map((turn, i) => <TurnView key={turn.traceId ?? turn.callIds[0] ?? i} turn={turn} n={i + 1} />)}
      </ol>
    </article>
  );
}

function TurnView({ turn, n }: { turn: SessionTurn; n: number }) {
  const href = turn.traceId ? hrefOf({ page: "trace", id: turn.traceId }) : turn.callIds[0] ? hrefOf({ page: "call", id: turn.callIds[0] }) : undefined;
  return (
    <li className="turn" aria-label={`Turn ${n}`}>
      <p className="turn-head muted small">
        {/* the link names its turn: a screen reader's list of links reads "Turn 2: answer-question", not the same name three times */}
        {href ? <a href={href}>Turn {n}: {turn.name}</a> : <span>Turn {n}: {turn.name}</span>}
        <span className="num">{formatInstant(turn.startedAt)}</span>
        <span className="num turn-figures">{formatMs(turn.durationMs)} · {plural(turn.callIds.length, "call")} · {formatCount(turn.inputTokens + turn.outputTokens)} tokens · {formatUSD(turn.costUSD)}</span>
        {turn.errors > 0 && <span className="badge badge-error">{plural(turn.errors, "error")}</span>}
      </p>
      <div className="message message-user"><span className="role">user</span><p className="turn-text">{turn.userMessage ?? "—"}</p></div>
      <div className="message message-assistant"><span className="role">answer</span><p className="turn-text">{turn.answer ?? "—"}</p></div>
    </li>
  );
}
