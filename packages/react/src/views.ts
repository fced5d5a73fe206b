// The devtools' views and formatting for other hosts (the operator's console):
// one component, two hosts. Nothing here touches the devtools' store.
export { formatBytes, formatClock, formatCount, formatMs, formatPercent, formatUSD, modelLabel } from "./panel/format.ts";
export { panelCss } from "./panel/panel-css.ts";
export { viewCss } from "./panel/views/view-css.ts";
export { StatCard } from "./panel/views/stat-card.tsx";
export { StatusBadge, FeedbackMark } from "./panel/list/status-badge.tsx";
export { Section } from "./panel/detail/section.tsx";
export { ChatMessages } from "./panel/detail/chat-messages.tsx";
export { CompletionView } from "./panel/detail/completion-view.tsx";
export { ErrorBox } from "./panel/detail/error-box.tsx";
export { KeyValues } from "./panel/detail/key-values.tsx";
export { LongText } from "./panel/detail/long-text.tsx";
export { RawHttp } from "./panel/detail/raw-http.tsx";
export { TimingWaterfall } from "./panel/detail/timing-waterfall.tsx";
export { GapSparkline } from "./panel/detail/gap-sparkline.tsx";
export { UsageCost } from "./panel/detail/usage-cost.tsx";
export { QualityScores } from "./panel/detail/quality-scores.tsx";
export { StripPlot, type StripPoint } from "./panel/charts/strip-plot.tsx";
