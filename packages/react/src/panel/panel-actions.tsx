import type { LLMCall } from "@llmscope/core";
import { useStore } from "zustand";
import { useCalls, useDevtools } from "../store/use-call-store.ts";
import { clearCalls } from "../store/call-store.ts";
import { clearTraces } from "../store/trace-store.ts";
import { setCapturePaused } from "../store/connect-recorder.ts";
import type { PrefsStore } from "../host/prefs.ts";
import type { ThemePreference } from "../options.ts";

const nextTheme: Record<ThemePreference, ThemePreference> = { system: "light", light: "dark", dark: "system" };
const themeIcon: Record<ThemePreference, string> = { system: "◐", light: "☀", dark: "☾" };

/** Capture and session controls on the right of the header. */
export function PanelActions({ prefs, onClose }: { prefs: PrefsStore; onClose: () => void }) {
  const { store, traces, recorder } = useDevtools();
  const paused = useCalls((s) => s.paused);
  const dock = useStore(prefs, (p) => p.dock);
  const theme = useStore(prefs, (p) => p.theme);

  // exporting is rare: its code loads on the first click, not with the panel
  const exportAs = async (format: "ndjson" | "json") => {
    const { callsAsJSON, callsAsNDJSON, downloadText, exportFileName } = await import("./export-calls.ts");
    const { ids, calls } = store.getState();
    const list = ids.map((id) => calls.get(id)).filter((c): c is LLMCall => Boolean(c));
    const text = format === "ndjson" ? callsAsNDJSON(list) : callsAsJSON(list, recorder.sessionId);
    downloadText(exportFileName(recorder.sessionId, format), text, format === "ndjson" ? "application/x-ndjson" : "application/json");
  };

  return (
    <div className="actions">
      <button
        type="button"
        className={`btn${paused ? " btn-warn" : ""}`}
        aria-pressed={paused}
        onClick={() => setCapturePaused(store, recorder, !paused)}
        title={paused ? "Capture is paused: calls pass through unrecorded" : "Stop recording calls (they still pass through)"}
      >
        {paused ? "▶ Resume" : "❚❚ Pause"}
      </button>
      <button type="button" className="btn" onClick={() => {
          clearCalls(store);
          clearTraces(traces);
        }}>
        Clear
      </button>
      <button type="button" className="btn" onClick={() => void exportAs("ndjson")}>
        Export NDJSON
      </button>
      <button type="button" className="btn" onClick={() => void exportAs("json")}>
        JSON
      </button>
      <span className="divider" aria-hidden="true" />
      <button
        type="button"
        className="icon-btn"
        aria-label={dock === "bottom" ? "Dock to the right" : "Dock to the bottom"}
        title={dock === "bottom" ? "Dock to the right" : "Dock to the bottom"}
        onClick={() => prefs.setState({ dock: dock === "bottom" ? "right" : "bottom" })}
      >
        {dock === "bottom" ? "⇥" : "⤓"}
      </button>
      <button
        type="button"
        className="icon-btn"
        aria-label={`Theme: ${theme}, switch to ${nextTheme[theme]}`}
        title={`Theme: ${theme}`}
        onClick={() => prefs.setState({ theme: nextTheme[theme] })}
      >
        {themeIcon[theme]}
      </button>
      <button type="button" className="icon-btn" aria-label="Close LLM devtools" onClick={onClose}>
        ✕
      </button>
    </div>
  );
}
