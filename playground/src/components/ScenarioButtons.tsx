import { SCENARIOS } from "../scenarios.ts";

export function ScenarioButtons({ onRun }: { onRun: (scenarioId: string) => void }) {
  return (
    <div className="scenarios" role="group" aria-label="Scenarios">
      {SCENARIOS.map((s) => (
        <button key={s.id} type="button" data-scenario={s.id} title={`${s.hint} Shows: ${s.shows}`} onClick={() => onRun(s.id)}>
          {s.label}
        </button>
      ))}
    </div>
  );
}
