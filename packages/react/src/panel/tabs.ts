export const tabs = [
  { id: "calls", label: "Calls" },
  { id: "traces", label: "Traces" },
  { id: "conversation", label: "Conversation" },
  { id: "session", label: "Session" },
  { id: "latency", label: "Latency" },
  { id: "tokens", label: "Tokens" },
  { id: "variance", label: "Same prompt" },
  { id: "quality", label: "Quality" },
] as const;

export type TabId = (typeof tabs)[number]["id"];

export const tabDomId = (id: TabId) => `llmscope-tab-${id}`;
export const tabPanelDomId = (id: TabId) => `llmscope-tabpanel-${id}`;
