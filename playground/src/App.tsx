import { useState } from "react";
import { PROVIDERS } from "./clients/index.ts";
import { SCENARIOS } from "./scenarios.ts";
import { useChat, type Attribution } from "./use-chat.ts";
import { Controls, type Settings } from "./components/Controls.tsx";
import { AttributionControls } from "./components/AttributionControls.tsx";
import { ScenarioButtons } from "./components/ScenarioButtons.tsx";
import { PromptChangeDemo } from "./components/PromptChangeDemo.tsx";
import { BurstButton } from "./components/BurstButton.tsx";
import { AgentDemo } from "./components/AgentDemo.tsx";
import { Transcript } from "./components/Transcript.tsx";

// mostly healthy traffic with a few failures, across every provider: something for the tallies and jitter views
const BURST_MIX = ["normal", "jitter", "normal", "slow_first_token", "normal", "rate_limit", "normal", "jitter", "overloaded", "normal"];
const QUESTIONS = ["What is a vector database?", "Summarize the release notes.", "Why is the sky blue?", "東京の人口は？"];

export function App() {
  const [settings, setSettings] = useState<Settings>({ providerId: "openai", model: PROVIDERS[0]!.models[0]!, temperature: 0.7, stream: true });
  const [who, setWho] = useState<Attribution>({ userId: "u-alice", department: "support", feature: "chat" });
  const [prompt, setPrompt] = useState(QUESTIONS[0]!);
  const chat = useChat();
  const provider = PROVIDERS.find((p) => p.id === settings.providerId)!;

  const run = (scenarioId: string, extra?: { system?: string; promptId?: string; prompt?: string; providerIndex?: number }) => {
    const scenario = SCENARIOS.find((s) => s.id === scenarioId) ?? SCENARIOS[0]!;
    const tags: Attribution & Record<string, string> = { ...who, ...(extra?.promptId ? { promptId: extra.promptId } : {}) };
    const target = extra?.providerIndex === undefined ? provider : PROVIDERS[extra.providerIndex % PROVIDERS.length]!;
    return chat.send(
      target,
      {
        model: target === provider ? settings.model : target.models[0]!,
        system: extra?.system,
        prompt: extra?.prompt ?? prompt,
        temperature: settings.temperature,
        stream: scenario.forceStream || settings.stream,
        headers: { ...scenario.headers, ...(settings.temperature > 0 ? { "x-mock-vary": "1" } : {}) },
      },
      tags,
    );
  };

  return (
    <main className="layout">
      <header>
        <h1>llmscope playground</h1>
        <p>
          Every call below goes through a real SDK to a mock LLM served by this dev server, and is recorded by llmscope. Open the overlay
          (bottom right, or <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>L</kbd>) to see each call.
        </p>
      </header>
      <section className="panel">
        <Controls settings={settings} onChange={setSettings} />
        <AttributionControls value={who} onChange={setWho} />
      </section>
      <section className="panel">
        <form
          className="ask"
          onSubmit={(e) => {
            e.preventDefault();
            void run("normal");
          }}
        >
          <label htmlFor="prompt">Prompt</label>
          <textarea id="prompt" rows={2} value={prompt} onChange={(e) => setPrompt(e.target.value)} />
          <button type="submit">Send</button>
        </form>
        <ScenarioButtons onRun={(id) => void run(id)} />
        <div className="row">
          <PromptChangeDemo onRun={(system) => run("normal", { system, promptId: "qa", prompt: QUESTIONS[3]! })} />
          <BurstButton onRun={(i) => run(BURST_MIX[i % BURST_MIX.length]!, { prompt: QUESTIONS[i % QUESTIONS.length]!, providerIndex: i })} />
        </div>
        <AgentDemo tags={{ ...who }} />
      </section>
      <Transcript turns={chat.turns} onClear={chat.clear} />
    </main>
  );
}
