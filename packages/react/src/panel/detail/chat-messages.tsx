import type { LLMCall } from "@llmscope/core";
import { LongText } from "./long-text.tsx";

/** The prompt as the model saw it: one bubble per message, coloured by role. */
export function ChatMessages({ call }: { call: LLMCall }) {
  const messages = call.prompt?.messages ?? [];
  const system = call.prompt?.system;
  const hasSystemMessage = messages.some((m) => m.role === "system");
  if (messages.length === 0 && !system) {
    return <p className="muted">No messages parsed from this request{call.prompt?.text ? "; flattened text below." : "."}</p>;
  }
  return (
    <ol className="messages">
      {system && !hasSystemMessage && <Message role="system" content={system} />}
      {messages.map((m, i) => (
        <Message key={i} role={m.role} content={m.content} toolCalls={m.toolCalls} />
      ))}
    </ol>
  );
}

function Message(props: { role: string; content: string; toolCalls?: { name: string; arguments: string }[] | undefined }) {
  const role = ["system", "user", "assistant", "tool"].includes(props.role) ? props.role : "other";
  return (
    <li className={`message message-${role}`}>
      <span className="role">{props.role}</span>
      <LongText text={props.content ?? ""} />
      {props.toolCalls?.map((t, i) => (
        <div key={i} className="tool-call">
          <span className="mono">{t.name}</span>(<LongText text={t.arguments} className="inline" />)
        </div>
      ))}
    </li>
  );
}
