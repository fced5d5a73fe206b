import { useEffect, useState } from "react";
import { getRecorder, type Recorder } from "@llmscope/core";

const pollMs = 1000;

function installed(): Recorder | undefined {
  try {
    return getRecorder() ?? undefined;
  } catch {
    return undefined;
  }
}

/** The given recorder, or the installed one — which may be installed after the devtools mount. */
export function useInstalledRecorder(given: Recorder | undefined): Recorder | undefined {
  const [found, setFound] = useState<Recorder | undefined>(() => given ?? installed());
  useEffect(() => {
    if (given) {
      setFound(given);
      return;
    }
    if (found) return;
    const timer = setInterval(() => {
      const recorder = installed();
      if (recorder) setFound(recorder);
    }, pollMs);
    return () => clearInterval(timer);
  }, [given, found]);
  return given ?? found;
}
