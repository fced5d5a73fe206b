import { useState } from "react";
import type { LLMCall } from "@llmscope/core";
import { toCurl } from "./curl.ts";

export function CopyCurl({ call }: { call: LLMCall }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(toCurl(call));
      setState("copied");
    } catch {
      setState("failed");
    }
  };
  return (
    <button type="button" className="btn" onClick={copy}>
      {state === "copied" ? "Copied" : state === "failed" ? "Copy failed" : "Copy as cURL"}
    </button>
  );
}
