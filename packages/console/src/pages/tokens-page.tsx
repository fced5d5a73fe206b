// Tokens: input vs output per promptId per day, the alert rules drawn as
// lines over the 7-day average, and the diagnosis when a day grew.
import { formatCount } from "@llmscope/react/views";
import { useApi } from "../api/use-api.ts";
import { useCollector } from "../ui/api-context.ts";
import { LoadedView } from "../ui/loaded-view.tsx";
import { RULE_LINES, tokenTrend, type TokenDay } from "./token-trend.ts";
import { plural } from "../ui/plural.ts";

export function TokensPage(_: { query: URLSearchParams }) {
  const { api } = useCollector();
  const loaded = useApi(() => api.stats({ groupBy: "prompt", period: "day" }), "tokens");
  return (
    <section className="view" aria-label="Tokens">
      <p className="muted">Tokens per call by prompt (promptId where the app names its prompts, else the prompt pattern). Dashed lines: the alert rules over the 7-day average.</p>
      <LoadedView loaded={loaded}>
        {({ rows }) => [...tokenTrend(rows)].map(([key, days]) => <PromptTokens key={key} name={key} days={days} />)}
      </LoadedView>
    </section>
  );
}

function PromptTokens({ name, days }: { name: string; days: TokenDay[] }) {
  const max = Math.max(1, ...days.map((d) => Math.max(d.inPerCall + d.outPerCall, (d.weekAvg ?? 0) * 2)));
  const pct = (v: number) => `${(v / max) * 100}%`;
  return (
    <figure className="token-prompt" aria-label={`Tokens for ${name}`}>
      <figcaption className="mono">{name}</figcaption>
      {days.map((d) => (
        <div key={d.period} className="bar-row">
          <span className="bar-label num">{d.period}</span>
          <span className="bar-track">
            <span className="bar-fill bar-in" style={{ width: pct(d.inPerCall) }} title="input per call" />
            <span className="bar-fill bar-out" style={{ width: pct(d.outPerCall) }} title="output per call" />
            {d.weekAvg !== undefined && RULE_LINES.map((l) => <span key={l.ratio} className="rule-line" style={{ left: pct(d.weekAvg! * l.ratio) }} title={l.label} />)}
          </span>
          <span className="num">{formatCount(d.inPerCall)} in · {formatCount(d.outPerCall)} out · {plural(d.calls, "call")}</span>
          {d.diagnosis && <strong className="badge badge-warn">{d.diagnosis}</strong>}
        </div>
      ))}
    </figure>
  );
}
