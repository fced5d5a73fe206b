import { useEffect } from "react";
import { matchesShortcut, parseShortcut } from "./shortcut.ts";

export function useShortcut(spec: string | false, onPress: () => void): void {
  useEffect(() => {
    if (spec === false) return;
    const shortcut = parseShortcut(spec);
    if (!shortcut) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!matchesShortcut(event, shortcut)) return;
      event.preventDefault();
      onPress();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [spec, onPress]);
}
