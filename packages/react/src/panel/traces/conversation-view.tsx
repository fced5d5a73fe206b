import { useMemo, useState } from "react";
import { useCalls, useTraces } from "../../store/use-call-store.ts";
import { formatClock, formatMs, formatUSD } from "../format.ts";
import { callsOf } from "./calls-by-trace.ts";
import { conversationTurns } from "./conversation-turns.ts";
import { traceCss } from "./trace-css.ts";
import { useNow } from "./use-now.ts";
import { useCallsByTrace } from "./use-trace-calls.ts";
import { conversationCss } from "./conversation-css.ts";

const pageSize = 100;

interface ConversationViewProps {
  onOpenCall: (callId: string) => void;
  onOpenTrace: (traceId: string) => void;
}

/** The session as a chat transcript: each request's question and answer, with its cost and time. */
export function ConversationView({ onOpenCall, onOpenTrace }: ConversationViewProps) {
  const traces = useTraces((s) => s.traces);
  const calls = useCalls((s) => s.calls);
  const index = useCallsByTrace();
  const [shown, setShown] = useState(pageSize);
  const [session, setSession] = useState("");
  const running = useMemo(() => [...traces.values()].some((t) => t.durationMs === undefined), [traces]);
  const now = useNow(running);
  const all = useMemo(() => conversationTurns(traces.values(), (id) => callsOf(index, id), calls.values(), now), [traces, index, calls, now]);
  const sessions = useMemo(() => [...new Set(all.map((t) => t.sessionId))], [all]);
  const current = session || sessions[sessions.length - 1] || "";
  const turns = all.filter((t) => t.sessionId === current);
  const visible = turns.slice(Math.max(0, turns.length - shown));
  const total = turns.reduce((sum, t) => sum + t.costUSD, 0);
  return (
    <div className="view conversation">
      <style>{traceCss + conversationCss}</style>
      <div className="convo-head">
        <strong>{turns.length} turn{turns.length === 1 ? "" : "s"}</strong>
        <span className="num muted">{formatUSD(total)} in all</span>
        {sessions.length > 1 && (
          <select aria-label="Session" value={current} onChange={(e) => setSession(e.target.value)}>
            {sessions.map((s) => (
              <option key={s} value={s}>{s}</option>
            ))}
          </select>
        )}
      </div>
      {turns.length === 0 && <p className="muted">The conversation appears here as the app makes its requests.</p>}
      {visible.length < turns.length && (
        <button type="button" className="link" onClick={() => setShown((n) => n + pageSize)}>
          Show {Math.min(pageSize, turns.length - visible.length)} earlier turns
        </button>
      )}
      <ol className="turns" aria-label="Conversation">
        {visible.map((turn, i) => (
          <li key={turn.key} className="turn" aria-label={`Turn ${turns.length - visible.length + i + 1}`}>
            <div className="bubble bubble-user">
              <span className="role">user · {formatClock(turn.startedAt)}</span>
              <p className="text">{turn.question}</p>
            </div>
            <div className={`bubble bubble-assistant${turn.errors ? " bubble-error" : ""}`}>
              <span className="role">assistant</span>
              <p className="text">{turn.answer || (turn.live ? "…" : turn.errors ? "(failed)" : "(no text)")}</p>
              <footer className="turn-foot num">
                <span>{formatMs(turn.durationMs)}</span>
                <span>{formatUSD(turn.costUSD)}</span>
                <span>{turn.calls} call{turn.calls === 1 ? "" : "s"}</span>
                {turn.errors > 0 && <span className="error-text">{turn.errors} errors</span>}
                {turn.traceId && (
                  <button type="button" className="link" onClick={() => onOpenTrace(turn.traceId!)}>Request waterfall</button>
                )}
                {turn.answerCallId && (
                  <button type="button" className="link" onClick={() => onOpenCall(turn.answerCallId!)}>Answer's call</button>
                )}
              </footer>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
