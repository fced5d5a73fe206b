import type { LLMCall } from "@llmscope/core";

/** One glance tells pending, streaming, failed (and how) or done. */
export function StatusBadge({ call }: { call: LLMCall }) {
  if (call.error) {
    return (
      <span className="badge badge-error" title={call.error.message}>
        {call.error.kind.replace("_", " ")}
      </span>
    );
  }
  if (call.phase === "streaming") {
    return (
      <span className="badge badge-live" aria-label="streaming">
        <span className="live-dot" aria-hidden="true" />
        live
      </span>
    );
  }
  if (call.phase === "pending") return <span className="badge badge-pending">pending</span>;
  const ok = call.status === undefined || call.status < 400;
  return <span className={`badge ${ok ? "badge-ok" : "badge-error"}`}>{call.status ?? "done"}</span>;
}

export function FeedbackMark({ call }: { call: LLMCall }) {
  if (!call.feedback) return null;
  const up = call.feedback.score === 1;
  return (
    <span className={up ? "fb-up" : "fb-down"} aria-label={up ? "rated helpful" : "rated unhelpful"}>
      {up ? "👍" : "👎"}
    </span>
  );
}
