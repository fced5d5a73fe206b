// Fixed-height rows in a virtualized list: the page's layout never moves
// however many calls are stored or arrive.
import { useEffect, useRef } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { formatCount, formatMs, formatUSD, modelLabel, StatusBadge } from "@llmscope/react/views";
import type { Query } from "../api/collector-api.ts";
import { hrefOf } from "../routing/route.ts";
import { formatInstant } from "../ui/format-instant.ts";
import { LoadedView } from "../ui/loaded-view.tsx";
import { useCallPages } from "./use-call-pages.ts";
import { plural } from "../ui/plural.ts";
import { totalTokens } from "@llmscope/core";

const ROW_PX = 30;

export function CallList({ query, live }: { query: Query; live: boolean }) {
  const pages = useCallPages(query, live);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: pages.calls.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_PX, overscan: 10 });
  const items = virtual.getVirtualItems();
  const last = items[items.length - 1];
  useEffect(() => {
    if (last && last.index > pages.calls.length - 40) pages.loadMore();
  });
  if (pages.error) return <LoadedView loaded={{ state: "error", error: pages.error }}>{() => null}</LoadedView>;
  return (
    <div className="console-list">
      <div className="row row-head console-row" role="row">
        <span>status</span><span>time</span><span>user</span><span>model</span><span>feature</span><span className="num">tokens</span><span className="num">cost</span><span className="num">duration</span><span>prompt</span>
      </div>
      <div ref={scroller} className="console-scroll" role="table" aria-label="Calls" aria-busy={pages.loading}>
        {!pages.loading && pages.calls.length === 0 && <p className="empty muted">No calls match.</p>}
        <div style={{ height: virtual.getTotalSize(), position: "relative" }}>
          {items.map((item) => {
            const call = pages.calls[item.index]!;
            return (
              <a key={call.id} role="row" className="row console-row" href={hrefOf({ page: "call", id: call.id })} style={{ position: "absolute", top: 0, left: 0, right: 0, height: ROW_PX, transform: `translateY(${item.start}px)` }}>
                <span><StatusBadge call={call} /></span>
                <span className="num">{formatInstant(call.startedAt)}</span>
                <span className="mono">{call.tags?.userId ?? "—"}</span>
                <span className="mono">{modelLabel(call)}</span>
                <span>{call.tags?.feature ?? "—"}</span>
                <span className="num" title={call.usage?.source === "estimated" ? "estimated: the provider reported no usage" : undefined}>{call.usage?.source === "estimated" ? "≈" : ""}{formatCount(totalTokens(call))}</span>
                <span className="num">{formatUSD(call.cost?.totalUSD)}</span>
                <span className="num">{formatMs(call.timing?.durationMs)}</span>
                <span className="ellipsis">{call.prompt?.text?.slice(0, 200) ?? ""}</span>
              </a>
            );
          })}
        </div>
      </div>
      {/* one text node: a count that grows must not push the words after it (a layout shift) */}
      <p className="muted small list-status" role="status">{`${plural(pages.calls.length, "call")} loaded${pages.done ? "" : ", more on scroll"}`}</p>
    </div>
  );
}
