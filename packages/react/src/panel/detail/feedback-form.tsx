import { useState } from "react";
import type { LLMCall } from "@llmscope/core";
import { setFeedback } from "../../store/call-store.ts";
import { useDevtools } from "../../store/use-call-store.ts";

/** 👍 / 👎 with an optional comment, handed to recorder.feedback so every sink hears it. */
export function FeedbackForm({ call }: { call: LLMCall }) {
  const { recorder, store } = useDevtools();
  const [comment, setComment] = useState("");
  const [error, setError] = useState<string | null>(null);
  const current = call.feedback?.score;

  const send = (score: 1 | -1) => {
    try {
      const trimmed = comment.trim();
      const given = trimmed ? { score, comment: trimmed } : { score };
      recorder.feedback(call.id, given);
      setFeedback(store, call.id, { ...given, at: Date.now() });
      setError(null);
    } catch (err) {
      setError(`Feedback was not recorded: ${err instanceof Error ? err.message : String(err)}`);
    }
  };

  return (
    <div className="feedback">
      <input
        type="text"
        className="comment"
        placeholder="Optional comment"
        aria-label="Feedback comment"
        value={comment}
        onChange={(e) => setComment(e.target.value)}
      />
      <button type="button" className={`btn${current === 1 ? " btn-on" : ""}`} aria-pressed={current === 1} aria-label="Good answer" onClick={() => send(1)}>
        <span aria-hidden="true">👍 </span>Good answer
      </button>
      <button type="button" className={`btn${current === -1 ? " btn-on" : ""}`} aria-pressed={current === -1} aria-label="Bad answer" onClick={() => send(-1)}>
        <span aria-hidden="true">👎 </span>Bad answer
      </button>
      {call.feedback?.comment && <span className="muted">“{call.feedback.comment}”</span>}
      {error && <span role="alert" className="error-text">{error}</span>}
    </div>
  );
}
