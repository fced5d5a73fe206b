// The devtools' views and formatting for other hosts (the operator's console):
// one component, two hosts. Nothing here touches the devtools' store.
export { formatBytes, formatClock, formatCount, formatMs, formatPercent, formatUSD, modelLabel } from "./panel/format.ts";
export { panelCss } from "./panel/panel-css.ts";
export { viewCss } from "./panel/views/view-css.ts";
export { StatusBadge } from "./panel/list/status-badge.tsx";
export { CallSections } from "./panel/detail/call-sections.tsx";
export { JitterPlots } from "./panel/views/jitter-view.tsx";
export { timingPhases } from "./panel/detail/timing-waterfall.tsx";
