// Fired alerts with their evidence calls linked; the root cause analysis is
// shown where the collector answers GET /v1/alerts/:id/rca (404 or 422 → hidden).
import { useApi } from "../api/use-api.ts";
import type { AlertRecord, RootCause } from "../api/types.ts";
import { hrefOf } from "../routing/route.ts";
import { useCollector } from "../ui/api-context.ts";
import { LoadedView } from "../ui/loaded-view.tsx";
import { RootCauseView } from "./root-cause-view.tsx";
import { formatInstant } from "../ui/format-instant.ts";

export function AlertsPage() {
  const { api } = useCollector();
  const loaded = useApi(() => api.alerts({ limit: 200 }), "alerts");
  return (
    <section className="view" aria-label="Alerts">
      <LoadedView loaded={loaded}>
        {({ alerts }) => (alerts.length ? alerts.map((a) => <AlertCard key={a.id} alert={a} />) : <p className="muted">No alerts have fired.</p>)}
      </LoadedView>
    </section>
  );
}

function AlertCard({ alert }: { alert: AlertRecord }) {
  const { api } = useCollector();
  const rca = useApi(() => api.optional<{ rootCause: RootCause }>(`v1/alerts/${encodeURIComponent(alert.id)}/rca`), alert.id);
  return (
    <article className="card alert-card" aria-label={`Alert ${alert.kind}`}>
      <div className="card-label">{alert.kind.replaceAll("_", " ")} · {formatInstant(alert.firedAt)}</div>
      <p>{alert.message}</p>
      <p className="num muted">subject <span className="mono">{alert.subject}</span> · value {alert.value} · baseline {alert.baseline} · threshold {alert.threshold}</p>
      <p>
        Evidence:{" "}
        {alert.evidence.map((id) => (
          <a key={id} className="mono evidence" href={hrefOf({ page: "call", id })}>{id}</a>
        ))}
      </p>
      {rca.state === "ok" && rca.data !== undefined && (
        <RootCauseView rootCause={rca.data.rootCause} />
      )}
    </article>
  );
}
