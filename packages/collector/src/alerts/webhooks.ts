// Alerts leave by webhook without ever holding up ingest: each POST runs in the
// background with a timeout, and failures are counted rather than thrown.
import type { Alert } from "./alert.ts";

export interface WebhookTarget {
  url: string;
  headers?: Record<string, string>;
}

export interface WebhookSender {
  send(alert: Alert): void;
  /** resolves when every POST started so far has finished */
  flush(): Promise<void>;
}

export function createWebhookSender(
  targets: WebhookTarget[],
  onFailure: (reason: string) => void,
  timeoutMs = 5000,
): WebhookSender {
  const inFlight = new Set<Promise<void>>();
  const post = async (target: WebhookTarget, alert: Alert): Promise<void> => {
    try {
      const res = await fetch(target.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...target.headers },
        body: JSON.stringify({ type: "llmscope.alert", alert }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      await res.body?.cancel();
      if (!res.ok) onFailure(`webhook answered ${res.status}`);
    } catch (err) {
      onFailure(err instanceof Error && err.name === "TimeoutError" ? "webhook timed out" : "webhook unreachable");
    }
  };
  return {
    send(alert) {
      for (const target of targets) {
        const p = post(target, alert).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
    },
    async flush() {
      await Promise.all([...inFlight]);
    },
  };
}
