// An alert's root cause as a person reads it: the sentence to act on, then the
// best key of each dimension ranked by how much of the change it explains.
import type { RootCause } from "../api/types.ts";
import { hrefOf } from "../routing/route.ts";
import { rootCauseWhen } from "./root-cause-when.ts";

const number = (n: number | undefined) => (n === undefined ? "–" : n.toLocaleString("en-US", { maximumFractionDigits: n < 10 ? 3 : 0 }));

export function RootCauseView({ rootCause }: { rootCause: RootCause }) {
  return (
    <div className="root-cause" aria-label="Root cause">
      <p><strong>Root cause:</strong> {rootCause.sentence}</p>
      {rootCause.firstCall && (
        <p>First changed call: <a className="mono evidence" href={hrefOf({ page: "call", id: rootCause.firstCall.id })}>{rootCause.firstCall.id}</a></p>
      )}
      <table className="console-table">
        <caption>{rootCause.metric} {rootCauseWhen(rootCause)}: {number(rootCause.before)} → {number(rootCause.after)}</caption>
        <thead><tr><th>dimension</th><th>key</th><th className="num">share of change</th><th className="num">{rootCause.hour === undefined ? "before → on the day" : "before → in the hour"}</th><th className="num">calls</th></tr></thead>
        <tbody>
          {rootCause.causes.map((c) => (
            <tr key={`${c.dimension}:${c.key}`}>
              <td>{c.dimension}</td>
              <td className="mono">{c.key}</td>
              <td className="num">{Math.round(c.share * 100)}%</td>
              <td className="num">{number(c.before)} → {number(c.after)}</td>
              <td className="num">{c.calls}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
