// One row per trace: its name links to its waterfall; the bar shows where its
// time went, scaled against the longest trace on the page.
import { formatCount, formatMs, formatUSD } from "@llmscope/react/views";
import type { TraceListItem } from "../../api/types.ts";
import { hrefOf } from "../../routing/route.ts";
import { formatInstant } from "../../ui/format-instant.ts";
import { TimeBar } from "../../ui/time-bar.tsx";
import { segmentsTotal, timeSegments } from "../../ui/time-breakdown.ts";

export function TraceTable({ traces }: { traces: TraceListItem[] }) {
  const segments = traces.map((t) => timeSegments(t.summary));
  const scaleMs = Math.max(0, ...segments.map(segmentsTotal));
  return (
    <table className="console-table trace-table" aria-label="Traces">
      <thead>
        <tr><th>trace</th><th>started</th><th>user</th><th>feature</th><th className="num">duration</th><th className="num">calls</th><th className="num">tokens</th><th className="num">cost</th><th className="num">errors</th><th className="time-col">time by kind</th></tr>
      </thead>
      <tbody>
        {traces.map((t, i) => (
          <tr key={t.id}>
            <td><a href={hrefOf({ page: "trace", id: t.id })}>{t.name}</a>{t.abandoned && <span className="badge badge-warn">abandoned</span>}</td>
            <td className="num">{formatInstant(t.startedAt)}</td>
            <td className="mono">{t.userId ?? "—"}</td>
            <td>{t.feature ?? "—"}</td>
            <td className="num">{formatMs(t.durationMs)}</td>
            <td className="num">{t.calls}</td>
            <td className="num">{formatCount(t.inputTokens + t.outputTokens)}</td>
            <td className="num">{formatUSD(t.costUSD)}</td>
            <td className="num">{t.errors ? <span className="badge badge-error">{t.errors}</span> : "0"}</td>
            <td className="time-col"><TimeBar segments={segments[i]!} scaleMs={scaleMs} label={`Time of ${t.name}`} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
