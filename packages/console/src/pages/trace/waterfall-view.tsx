// The waterfall: every step and LLM call of a trace on one time axis, nested,
// each call split into its wait, first token and streaming and linked to its
// page; cost and tokens per row and for the whole trace.
import type { CSSProperties } from "react";
import { formatCount, formatMs, formatUSD } from "@llmscope/react/views";
import type { TraceDetail } from "../../api/types.ts";
import { hrefOf } from "../../routing/route.ts";
import { axisTicks } from "./axis-ticks.ts";
import { waterfallLayout, type WaterfallBar } from "./waterfall-layout.ts";

export function WaterfallView({ detail, totals }: { detail: TraceDetail; totals: { costUSD: number; tokens: number } }) {
  const { bars, spanMs } = waterfallLayout(detail);
  const pct = (ms: number) => `${spanMs > 0 ? (ms / spanMs) * 100 : 0}%`;
  const ticks = axisTicks(spanMs);
  // every track repeats the axis' tick spacing as faint grid lines
  const grid = { "--wf-grid": pct(ticks[1] ?? spanMs) } as CSSProperties;
  return (
    <table className="console-table waterfall-table" aria-label="Waterfall" style={grid}>
      <thead>
        <tr>
          <th>step or call</th><th>kind</th><th className="num">start</th>
          <th className="wf-axis-cell">
            <span className="wf-axis" aria-hidden="true">
              {ticks.map((t) => <span key={t} className="wf-tick" style={{ left: pct(t) }}>{formatMs(t)}</span>)}
            </span>
            <span className="visually-hidden">timeline</span>
          </th>
          <th className="num">duration</th><th className="num">tokens</th><th className="num">cost</th>
        </tr>
      </thead>
      <tbody>
        {bars.map((bar) => <WaterfallRowView key={`${bar.row.type}:${bar.row.id}`} bar={bar} pct={pct} />)}
      </tbody>
      <tfoot>
        <tr><th scope="row" colSpan={4}>trace total</th><td className="num">{formatMs(spanMs)}</td><td className="num">{formatCount(totals.tokens)}</td><td className="num">{formatUSD(totals.costUSD)}</td></tr>
      </tfoot>
    </table>
  );
}

function WaterfallRowView({ bar, pct }: { bar: WaterfallBar; pct: (ms: number) => string }) {
  const { row } = bar;
  const href = row.type === "call" ? hrefOf({ page: "call", id: row.id }) : undefined;
  const described = bar.phases.length ? bar.phases.map((p) => `${p.label} ${formatMs(p.to - p.from)}`).join(", ") : `${row.kind} ${formatMs(row.durationMs)}`;
  const drawn = bar.phases.length
    ? bar.phases.map((p) => <span key={p.className} className={`wf-bar ${p.className}`} style={{ left: pct(p.from), width: pct(p.to - p.from) }} />)
    : <span className={`wf-bar wf-${row.kind}`} style={{ left: pct(bar.start), width: pct(bar.end - bar.start) }} />;
  return (
    <tr className={row.error ? "wf-failed" : undefined}>
      <td className="wf-name" style={{ paddingLeft: 8 + row.depth * 16 }}>
        {href ? <a href={href}>{row.name}</a> : <span>{row.name}</span>}
        {row.error && <span className="badge badge-error" title={row.error}>{row.errorKind ?? "error"}</span>}
      </td>
      <td><span className={`wf-kind wf-${row.kind}`} aria-hidden="true" />{row.kind}</td>
      <td className="num">{formatMs(bar.start)}</td>
      <td className="wf-track-cell">
        <span className="wf-track" role="img" aria-label={described} title={described}>
          {href ? <a href={href} tabIndex={-1} aria-hidden="true">{drawn}</a> : drawn}
        </span>
      </td>
      <td className="num">{formatMs(row.durationMs)}</td>
      <td className="num">{formatCount(row.inputTokens + row.outputTokens)}</td>
      <td className="num">{formatUSD(row.costUSD)}</td>
    </tr>
  );
}
