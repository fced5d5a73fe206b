import { useRef, type KeyboardEvent, type PointerEvent } from "react";
import type { Dock } from "../options.ts";
import { clampPanelSize, maxPanelSize, minPanelSize } from "../host/prefs.ts";

interface ResizeHandleProps {
  dock: Dock;
  size: number;
  onResize: (size: number) => void;
}

const step = 16;
const bigStep = 80;

/** The panel's inner edge: drag it, or focus it and use the arrow keys (Shift for bigger steps). */
export function ResizeHandle({ dock, size, onResize }: ResizeHandleProps) {
  const dragging = useRef(false);
  const grow = dock === "bottom" ? "ArrowUp" : "ArrowLeft";
  const shrink = dock === "bottom" ? "ArrowDown" : "ArrowRight";

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const delta = event.shiftKey ? bigStep : step;
    let next: number | undefined;
    if (event.key === grow) next = size + delta;
    else if (event.key === shrink) next = size - delta;
    else if (event.key === "Home") next = minPanelSize;
    else if (event.key === "End") next = maxPanelSize(dock);
    if (next === undefined) return;
    event.preventDefault();
    onResize(clampPanelSize(next, dock));
  };

  const fromPointer = (event: PointerEvent<HTMLDivElement>) =>
    dock === "bottom" ? window.innerHeight - event.clientY : window.innerWidth - event.clientX;

  return (
    <div
      className={`resize resize-${dock}`}
      role="separator"
      tabIndex={0}
      aria-label="Resize LLM devtools"
      aria-orientation={dock === "bottom" ? "horizontal" : "vertical"}
      aria-valuenow={size}
      aria-valuemin={minPanelSize}
      aria-valuemax={maxPanelSize(dock)}
      onKeyDown={onKeyDown}
      onPointerDown={(event) => {
        dragging.current = true;
        event.currentTarget.setPointerCapture?.(event.pointerId);
        event.preventDefault();
      }}
      onPointerMove={(event) => {
        if (dragging.current) onResize(clampPanelSize(fromPointer(event), dock));
      }}
      onPointerUp={(event) => {
        dragging.current = false;
        event.currentTarget.releasePointerCapture?.(event.pointerId);
      }}
    />
  );
}
