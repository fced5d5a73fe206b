// The impact scope of one call: other calls with the same prompt pattern in
// the 24 hours around it, counted by user and feature, each linked.
import { formatCount, formatUSD } from "@llmscope/react/views";
import { useApi } from "../api/use-api.ts";
import type { SimilarCalls } from "../api/types.ts";
import { hrefOf, pageHref } from "../routing/route.ts";
import { useCollector } from "../ui/api-context.ts";
import { LoadedView } from "../ui/loaded-view.tsx";
import { formatInstant } from "../ui/format-instant.ts";

export function SimilarPage({ id }: { id: string }) {
  const { api } = useCollector();
  const loaded = useApi(() => api.similar(id, { limit: 200 }), id);
  return <LoadedView loaded={loaded}>{(scope) => <ImpactScope scope={scope} />}</LoadedView>;
}

function ImpactScope({ scope }: { scope: SimilarCalls }) {
  return (
    <section className="view" aria-label="Impact scope">
      <h2>Same prompt pattern as <a href={hrefOf({ page: "call", id: scope.callId })} className="mono">{scope.callId}</a></h2>
      <p className="muted">
        {scope.total} other calls between {formatInstant(scope.window.from)} and {formatInstant(scope.window.to)}: {scope.sameFingerprint} with the same fingerprint, {scope.samePromptOnly} with the same prompt text only.
      </p>
      <div className="console-columns">
        <CountTable title="By user" label="User" rows={scope.byUser.map((r) => [r.userId, r.calls, pageHref("calls", { userId: r.userId, fingerprint: scope.fingerprint })])} />
        <CountTable title="By feature" label="Feature" rows={scope.byFeature.map((r) => [r.feature, r.calls, pageHref("calls", { feature: r.feature, fingerprint: scope.fingerprint })])} />
      </div>
      <table className="console-table" aria-label="Similar calls">
        <thead><tr><th>time</th><th>user</th><th>feature</th><th>model</th><th className="num">tokens</th><th className="num">cost</th><th>error</th><th>match</th></tr></thead>
        <tbody>
          {scope.calls.map((c) => (
            <tr key={c.id}>
              <td><a href={hrefOf({ page: "call", id: c.id })}>{formatInstant(c.startedAt)}</a></td>
              <td className="mono">{c.userId ?? "—"}</td>
              <td>{c.feature ?? "—"}</td>
              <td className="mono">{c.model ?? "—"}</td>
              <td className="num">{formatCount(c.totalTokens)}</td>
              <td className="num">{formatUSD(c.costUSD)}</td>
              <td>{c.errorKind ?? ""}</td>
              <td>{c.match}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function CountTable({ title, label, rows }: { title: string; label: string; rows: [string, number, string][] }) {
  return (
    <table className="console-table" aria-label={title}>
      <caption>{title}</caption>
      <thead><tr><th>{label}</th><th className="num">calls</th></tr></thead>
      <tbody>
        {rows.map(([key, calls, href]) => (
          <tr key={key}><td><a href={href}>{key}</a></td><td className="num">{calls}</td></tr>
        ))}
      </tbody>
    </table>
  );
}
