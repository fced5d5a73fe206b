import type { LLMCall } from "@llmscope/core";
import { formatCount } from "../format.ts";

const height = 90;
const maxBars = 150;

/** Input and output tokens per call, stacked, newest on the right; flagged calls get a marker. */
export function TokenBars({ calls, flagged, onPick }: { calls: LLMCall[]; flagged: ReadonlySet<string>; onPick: (id: string) => void }) {
  const shown = calls.slice(-maxBars);
  if (shown.length === 0) return <p className="muted">Token counts appear once calls finish.</p>;
  const totals = shown.map((c) => (c.usage?.inputTokens ?? 0) + (c.usage?.outputTokens ?? 0));
  const max = Math.max(1, ...totals);
  const barWidth = 8;
  // a few calls get slim bars on the left instead of slabs stretched across the panel
  const width = Math.max(shown.length, 60) * barWidth;
  const scale = (n: number) => (n / max) * (height - 12);
  return (
    <svg className="token-bars" viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={`Tokens for the last ${shown.length} calls`}>
      {shown.map((c, i) => {
        const input = scale(c.usage?.inputTokens ?? 0);
        const output = scale(c.usage?.outputTokens ?? 0);
        const x = i * barWidth + 1;
        return (
          <g key={c.id} onClick={() => onPick(c.id)} className="bar">
            <title>{`${formatCount(c.usage?.inputTokens)} in · ${formatCount(c.usage?.outputTokens)} out${flagged.has(c.id) ? " — above 150% of its pattern's median" : ""}`}</title>
            <rect className="bar-in" x={x} width={barWidth - 2} y={height - input} height={input} />
            <rect className="bar-out" x={x} width={barWidth - 2} y={height - input - output} height={output} />
            {flagged.has(c.id) && <rect className="bar-flag" x={x} width={barWidth - 2} y={0} height={4} />}
          </g>
        );
      })}
    </svg>
  );
}
