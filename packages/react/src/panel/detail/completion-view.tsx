import type { LLMCall } from "@llmscope/core";
import { LongText } from "./long-text.tsx";

export function CompletionView({ call }: { call: LLMCall }) {
  const completion = call.completion ?? { text: "" };
  const live = call.phase !== "done";
  return (
    <div className="completion" aria-live={live ? "polite" : "off"} aria-busy={live}>
      {completion.text ? <LongText text={completion.text} /> : <p className="muted">{live ? "Waiting for the first token…" : "No text in the response."}</p>}
      {completion.toolCalls?.map((t, i) => (
        <div key={i} className="tool-call">
          <span className="mono">{t.name}</span>(<LongText text={t.arguments} className="inline" />)
        </div>
      ))}
      <div className="kv-line">
        {live && (
          <span className="badge badge-live">
            <span className="live-dot" aria-hidden="true" />
            streaming
          </span>
        )}
        {completion.finishReason && <span className="badge">finish: {completion.finishReason}</span>}
        {call.truncated && <span className="badge badge-warn">body over the capture cap: cut</span>}
      </div>
    </div>
  );
}
