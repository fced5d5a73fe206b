// The trace views' one entry: the panel loads this chunk for the Traces and
// Conversation tabs and for a call's request link, and none of it before.
import { ConversationView } from "./conversation-view.tsx";
import { TraceOfCall } from "./trace-of-call.tsx";
import { TracesView } from "./traces-view.tsx";

export interface TraceTabProps {
  tab: "traces" | "conversation";
  onOpenCall: (callId: string) => void;
  onOpenTrace: (traceId: string) => void;
}

export default function TraceTab({ tab, onOpenCall, onOpenTrace }: TraceTabProps) {
  return tab === "traces" ? <TracesView onOpenCall={onOpenCall} /> : <ConversationView onOpenCall={onOpenCall} onOpenTrace={onOpenTrace} />;
}

export { TraceOfCall };
