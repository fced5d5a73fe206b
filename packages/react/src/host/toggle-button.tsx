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
  const errors = useStore(store, (s) => s.errorCount);
  const label = `${open ? "Close" : "Open"} LLM devtools: ${calls} ${calls === 1 ? "call" : "calls"}, ${errors} ${errors === 1 ? "error" : "errors"}`;
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
      <span className="toggle-count" aria-hidden="true">{calls}</span>
      {errors > 0 && <span className="toggle-errors" aria-hidden="true">{errors}</span>}
    </button>
  );
});
