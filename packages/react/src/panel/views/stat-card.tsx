import type { ReactNode } from "react";

export function StatCard({ label, value, detail, tone }: { label: string; value: ReactNode; detail?: ReactNode; tone?: "error" | "warn" }) {
  return (
    <div className={`card${tone ? ` card-${tone}` : ""}`} role="group" aria-label={label}>
      <div className="card-label">{label}</div>
      <div className="card-value num">{value}</div>
      {detail && <div className="card-detail num">{detail}</div>}
    </div>
  );
}
