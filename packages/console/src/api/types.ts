// The shapes the collector's read endpoints answer with, taken from the
// collector's own declarations. Type-only and by path: the collector depends
// on this package to serve it, so a package dependency back would be a cycle,
// and nothing of the collector reaches the bundle.
export type { Alert as AlertRecord, CallPage, CallSummary, RootCause, SimilarCalls, StatsRow, StatsRowWithQuality } from "../../../collector/src/index.ts";
import type { StatsRowWithQuality } from "../../../collector/src/index.ts";

export interface StatsAnswer {
  groupBy: string;
  period: string;
  /** quality and satisfaction ride along where the collector scores calls */
  rows: StatsRowWithQuality[];
}
export type {
  SessionDetail,
  SessionListItem,
  SessionPage,
  SessionTurn,
  TraceDetail,
  TraceListItem,
  TracePage,
  TraceStatsAnswer,
  TraceStatsRow,
  TraceTimeComponent,
  WaterfallRow,
} from "../../../collector/src/traces/api-types.ts";
