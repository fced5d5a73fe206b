import { useEffect, useState } from "react";
import type { ThemePreference } from "../options.ts";

const darkQuery = "(prefers-color-scheme: dark)";

function systemIsDark(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia(darkQuery).matches;
}

/** The theme to draw: the user's choice, or the OS setting when the choice is "system". */
export function useResolvedTheme(preference: ThemePreference): "light" | "dark" {
  const [dark, setDark] = useState(systemIsDark);
  useEffect(() => {
    if (preference !== "system" || typeof window.matchMedia !== "function") return;
    const media = window.matchMedia(darkQuery);
    const onChange = () => setDark(media.matches);
    media.addEventListener?.("change", onChange);
    return () => media.removeEventListener?.("change", onChange);
  }, [preference]);
  if (preference === "system") return dark ? "dark" : "light";
  return preference;
}
