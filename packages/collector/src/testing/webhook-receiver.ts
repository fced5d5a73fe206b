// A webhook endpoint on 127.0.0.1 that keeps every alert POSTed to it, for
// tests of alert delivery; waitFor resolves once an alert matching arrives.
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import type { Alert } from "../alerts/alert.ts";

export interface WebhookReceiver {
  url: string;
  /** every alert received so far, in arrival order */
  readonly alerts: Alert[];
  waitFor(match: (a: Alert) => boolean): Promise<Alert>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const alerts: Alert[] = [];
  const waiting: { match: (a: Alert) => boolean; resolve: (a: Alert) => void }[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const { alert } = JSON.parse(body) as { type: string; alert: Alert };
      alerts.push(alert);
      for (const w of waiting.splice(0)) {
        if (w.match(alert)) w.resolve(alert);
        else waiting.push(w);
      }
      res.end("ok");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/alerts`,
    alerts,
    waitFor(match) {
      const seen = alerts.find(match);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiting.push({ match, resolve }));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
