// A fetch inside a trace that is no LLM call: an `http` step (the recorder's
// lazily loaded trace finish turns known retrieval APIs into `retrieval`
// steps). Only the method, host, path and status are kept: never headers, the
// query or a body, and nothing is read from the response, so the app's
// response is not delayed. The step ends when the response headers arrive (or
// the fetch fails): the time the app waited for fetch itself.
import type { ErrorSignals } from "../errors/index.ts";
import type { LiveStep } from "../trace/open-trace.ts";
import { stepErrorOf } from "../trace/step-error.ts";
import type { LiveCall } from "./live-call.ts";
import { now, type RecorderCore } from "./recorder-core.ts";

const MAX_PATH_CHARS = 200;

/** ends the step now, its error classified by the call-end chunk (at once when it is at hand; by status alone without it) */
const endStep = (core: RecorderCore, live: LiveStep, signals: ErrorSignals) => {
  const at = now();
  core.whenCallEnd((callEnd) => {
    const error = callEnd.classifyError(signals);
    live.end(error && stepErrorOf(error.kind, error.message), at);
  });
};

/** undefined when the fetch runs outside any open trace */
export function beginHttpStep(core: RecorderCore, url: URL, method: string): LiveCall | undefined {
  const scope = core.tags.state();
  const trace = scope?.trace;
  if (!trace || trace.closed) return;
  // URL.host never holds credentials; pathname never the query
  const path = url.pathname.length > MAX_PATH_CHARS ? `${url.pathname.slice(0, MAX_PATH_CHARS - 1)}…` : url.pathname;
  const live = trace.startStep(`${method} ${url.host} ${path}`, "http", scope.step, { "http.request.method": method, "server.address": url.host, "url.path": path });
  return {
    observe(response) {
      const { status } = response;
      live.setAttributes({ "http.response.status_code": status });
      endStep(core, live, { status });
      return response;
    },
    end: (signals) => endStep(core, live, signals),
  };
}
