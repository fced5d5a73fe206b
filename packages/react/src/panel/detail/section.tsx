import type { ReactNode } from "react";

export function Section({ title, children, aside }: { title: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <section className="section" aria-label={title}>
      <h3 className="section-title">
        {title}
        {aside && <span className="section-aside">{aside}</span>}
      </h3>
      {children}
    </section>
  );
}
