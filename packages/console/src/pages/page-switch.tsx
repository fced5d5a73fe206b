import type { Route } from "../routing/route.ts";
import { AlertsPage } from "./alerts-page.tsx";
import { CallPage } from "./call-page.tsx";
import { CallsPage } from "./calls-page.tsx";
import { CostPage } from "./cost-page.tsx";
import { LatencyPage } from "./latency-page.tsx";
import { SimilarPage } from "./similar-page.tsx";
import { TokensPage } from "./tokens-page.tsx";
import { SessionPage } from "./sessions/session-page.tsx";
import { SessionsPage } from "./sessions/sessions-page.tsx";
import { TracePage } from "./trace/trace-page.tsx";
import { TracesPage } from "./traces/traces-page.tsx";

export function PageSwitch({ route }: { route: Route }) {
  switch (route.page) {
    case "calls":
      return <CallsPage query={route.query} />;
    case "call":
      return <CallPage key={route.id} id={route.id} />;
    case "similar":
      return <SimilarPage key={route.id} id={route.id} />;
    case "cost":
      return <CostPage query={route.query} />;
    case "tokens":
      return <TokensPage query={route.query} />;
    case "latency":
      return <LatencyPage query={route.query} />;
    case "alerts":
      return <AlertsPage />;
    case "traces":
      return <TracesPage query={route.query} />;
    case "trace":
      return <TracePage key={route.id} id={route.id} />;
    case "sessions":
      return <SessionsPage query={route.query} />;
    case "session":
      return <SessionPage key={route.id} id={route.id} />;
  }
}
