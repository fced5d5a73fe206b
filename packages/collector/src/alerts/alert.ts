// What a fired alert looks like on /v1/alerts, in reports and in webhook bodies.
export type AlertKind =
  | "token_spike_call"
  | "daily_tokens"
  | "prompt_tokens_weekly"
  | "cost_month_over_month"
  | "user_daily_cost"
  | "avg_cost_per_request"
  | "quality_drop"
  | "satisfaction_drop"
  | "anomaly"
  | "agent_loop"
  | "trace_anomaly";

export interface Alert {
  id: string;
  kind: AlertKind;
  /** what the alert is about: a prompt key, a day, a month, a user, a trace id (agent_loop), a cut and trace measure (trace_anomaly) */
  subject: string;
  /** the observed value and the baseline it was compared against */
  value: number;
  baseline: number;
  /** the ratio or absolute limit that was crossed */
  threshold: number;
  message: string;
  /** call ids that show the problem */
  evidence: string[];
  /** epoch ms of the record that triggered the alert (record time, not wall time) */
  firedAt: number;
  /** an alert with a dedupKey already stored is never stored twice */
  dedupKey: string;
}
