import { useCallback, useState } from "react";
import { recorder } from "./recorder.ts";
import type { ChatRequest, ProviderChoice } from "./clients/index.ts";

export interface Turn {
  id: number;
  provider: string;
  model: string;
  prompt: string;
  answer: string;
  status: "streaming" | "done" | "error";
  error?: string;
}

export interface Attribution {
  userId: string;
  department: string;
  feature: string;
}

let nextId = 1;

/** Sends chat turns through a provider's SDK inside `recorder.withTags`, keeping a transcript. */
export function useChat() {
  const [turns, setTurns] = useState<Turn[]>([]);
  const patch = (id: number, p: Partial<Turn>) => setTurns((all) => all.map((t) => (t.id === id ? { ...t, ...p } : t)));

  const send = useCallback(async (provider: ProviderChoice, req: ChatRequest, tags: Attribution & Record<string, string>) => {
    const id = nextId++;
    setTurns((all) => [...all.slice(-49), { id, provider: provider.label, model: req.model, prompt: req.prompt, answer: "", status: "streaming" }]);
    try {
      const answer = await recorder.withTags(tags, () => provider.send(req, (text) => patch(id, { answer: text })));
      patch(id, { answer, status: "done" });
    } catch (err) {
      // the SDK's own error, exactly as the app would see it without llmscope
      patch(id, { status: "error", error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
    }
  }, []);

  return { turns, send, clear: () => setTurns([]) };
}
