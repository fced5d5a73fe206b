import type { Turn } from "../use-chat.ts";

/** What the app itself got back: text, or the SDK's own error, untouched by the recorder. */
export function Transcript({ turns, onClear }: { turns: Turn[]; onClear: () => void }) {
  return (
    <section className="panel transcript" aria-label="Transcript">
      <div className="row">
        <h2>What the app received</h2>
        <button type="button" onClick={onClear}>
          Clear
        </button>
      </div>
      <ol>
        {turns
          .slice()
          .reverse()
          .map((t) => (
            <li key={t.id} data-status={t.status}>
              <div className="meta">
                {t.provider} · {t.model} · {t.status}
              </div>
              <div className="prompt">{t.prompt}</div>
              <div className="answer">{t.status === "error" ? t.error : t.answer || "…"}</div>
            </li>
          ))}
      </ol>
    </section>
  );
}
