import type { ReactNode } from "react";
import type { LLMCall } from "@llmscope/core";
import { ChatMessages } from "./chat-messages.tsx";
import { CompletionView } from "./completion-view.tsx";
import { ErrorBox } from "./error-box.tsx";
import { QualityScores } from "./quality-scores.tsx";
import { GapSparkline } from "./gap-sparkline.tsx";
import { KeyValues } from "./key-values.tsx";
import { LongText } from "./long-text.tsx";
import { RawHttp } from "./raw-http.tsx";
import { Section } from "./section.tsx";
import { TimingWaterfall } from "./timing-waterfall.tsx";
import { UsageCost } from "./usage-cost.tsx";

/**
 * Everything recorded about one call, section by section. Hosts differ only in
 * the feedback section: the devtools let the developer rate, the console shows.
 */
export function CallSections({ call, feedback }: { call: LLMCall; feedback: ReactNode }) {
  // an unknown provider yields no parsed prompt: then the raw bodies are the useful view
  const parsed = (call.prompt?.messages?.length ?? 0) > 0 || Boolean(call.completion?.text);
  return (
    <>
      {call.error && <ErrorBox error={call.error} context={{ status: call.status, chunkCount: call.timing.chunkCount }} />}
      <Section title="Prompt">
        <ChatMessages call={call} />
        {!parsed && call.prompt?.text && <LongText text={call.prompt.text} />}
      </Section>
      <Section title="Completion">
        <CompletionView call={call} />
      </Section>
      <Section title="Timing">
        <TimingWaterfall timing={call.timing ?? {}} />
        <GapSparkline timing={call.timing ?? {}} />
      </Section>
      <Section title="Usage and cost">
        <UsageCost call={call} />
      </Section>
      <Section title="Parameters">
        <KeyValues values={call.params ?? {}} empty="No parameters." />
      </Section>
      <Section title="Tags">
        <KeyValues values={call.tags ?? {}} empty="No tags." />
        <p className="mono muted small">fingerprint {call.fingerprint || "—"} · session {call.sessionId}{call.traceparent ? ` · trace ${call.traceparent}` : ""}</p>
      </Section>
      <Section title="Quality">
        <QualityScores call={call} />
      </Section>
      <Section title="Feedback">{feedback}</Section>
      <Section title="Raw">
        <RawHttp label="Request" http={call.request} open={!parsed} />
        <RawHttp label="Response" http={call.response} open={!parsed} />
        {!call.request && !call.response && <p className="muted">No raw bodies were captured.</p>}
      </Section>
    </>
  );
}
