// A response that is not a stream: read from a clone in the background, so
// the app gets its very Response untouched. The copy is read as the bytes
// arrive (timing is true) but looked at only in a later task, so the app's
// own reading never waits on our parsing.
import { classifyError } from "../errors/index.ts";
import { captureText } from "../stream/text-capture.ts";
import { failureOf } from "./failure-of.ts";
import { later } from "./later.ts";
import { now, type LiveCall, type RecorderCore } from "./recorder-core.ts";

export function observeJSONResponse(core: RecorderCore, live: LiveCall, response: Response): void {
  const { call } = live;
  const reading = response
    .clone()
    .arrayBuffer()
    .then(
      async (buffer) => {
        call.timing.ttftMs = now() - live.t0;
        await later();
        const text = new TextDecoder().decode(buffer);
        const captured = captureText(text, buffer.byteLength, core.maxBodyBytes);
        Object.assign(call.response!, { body: captured.body, bodyBytes: captured.bodyBytes });
        if (captured.truncated) call.truncated = true;
        let json: unknown;
        let parseFailed = false;
        try {
          json = text === "" ? undefined : JSON.parse(text);
        } catch {
          // an HTML error page from a proxy is not our parse error; its status says enough
          parseFailed = response.ok;
          if (parseFailed) core.stats.parseErrors++;
        }
        let providerError;
        if (json !== undefined) {
          try {
            const parsed = live.adapter.parseResponse(json, live.match, response.status);
            if (parsed.responseModel) call.responseModel = parsed.responseModel;
            call.completion = parsed.completion;
            if (parsed.usage) call.usage = { ...parsed.usage, source: "provider" };
            providerError = parsed.error;
          } catch {
            core.stats.parseErrors++;
            parseFailed = response.ok;
          }
        }
        call.error = classifyError({ status: response.status, providerError, finishReason: call.completion.finishReason, parseFailed });
      },
      (thrown: unknown) => {
        call.error = classifyError(failureOf(thrown));
      },
    )
    .catch(() => void core.stats.internalErrors++)
    .finally(() => core.finish(live));
  core.track(reading);
}
