import { forwardRef } from "react";
import { useStore } from "zustand";
import type { CallStore } from "../store/call-store.ts";
import type { TogglePosition } from "../options.ts";

interface ToggleButtonProps {
  store: CallStore;
  position: TogglePosition;
  open: boolean;
  onToggle: () => void;
}

export const ToggleButton = forwardRef<HTMLButtonElement, ToggleButtonProps>(function ToggleButton(
  { store, position, open, onToggle },
  ref,
) {
  const calls = useStore(store, (s) => s.ids.length);
  const kept = useStore(store, (s) => s.kept.size);
  const errors = useStore(store, (s) => s.errorCount);
  // the count is what the list holds; once earlier pages' calls are loaded, it says how many are whose
  const split = kept > 0 ? `, ${calls - kept} from this page and ${kept} kept from stored history` : "";
  const label = `${open ? "Close" : "Open"} LLM devtools: ${plural(calls, "call")}${split}, ${plural(errors, "error")}`;
  return (
    <button
      ref={ref}
      type="button"
      className={`toggle toggle-${position}`}
      aria-label={label}
      aria-expanded={open}
      title={label}
      onClick={onToggle}
    >
      <span className="toggle-mark" aria-hidden="true">◈</span>
      <span className="toggle-name" aria-hidden="true">LLM</span>
      <span className="toggle-count" aria-hidden="true">{kept > 0 ? `${calls - kept} new · ${kept} kept` : calls}</span>
      {errors > 0 && <span className="toggle-errors" aria-hidden="true">{errors}</span>}
    </button>
  );
});

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
