import { describe, expect, it } from "vitest";
import { hrefOf, navPageOf, pageHref, parseRoute } from "./route.ts";

describe("console routes", () => {
  it("reads the calls page with its filters", () => {
    const route = parseRoute("#/calls?userId=u42&from=2026-03-04T14:02");
    expect(route.page).toBe("calls");
    expect(route.page === "calls" && route.query.get("userId")).toBe("u42");
  });

  it("reads one call and its impact scope, ids decoded", () => {
    expect(parseRoute("#/calls/a%2Fb")).toEqual({ page: "call", id: "a/b" });
    expect(parseRoute("#/calls/abc/similar")).toEqual({ page: "similar", id: "abc" });
  });

  it("reads traces and sessions, their lists with filters and each one by id", () => {
    expect(parseRoute("#/traces/0af7651916cd43dd8448eb211c80319c")).toEqual({ page: "trace", id: "0af7651916cd43dd8448eb211c80319c" });
    expect(parseRoute("#/sessions/s%201")).toEqual({ page: "session", id: "s 1" });
    const list = parseRoute("#/traces?feature=search&minDurationMs=500");
    expect(list.page === "traces" && list.query.get("minDurationMs")).toBe("500");
    expect(parseRoute("#/sessions").page).toBe("sessions");
  });

  it("puts each detail page under its list's tab", () => {
    expect(["#/calls/x", "#/calls/x/similar", "#/traces/t", "#/sessions/s", "#/latency"].map((h) => navPageOf(parseRoute(h)))).toEqual(["calls", "calls", "traces", "sessions", "latency"]);
  });

  it("falls back to the calls page for an empty or unknown hash", () => {
    expect(parseRoute("").page).toBe("calls");
    expect(parseRoute("#/nowhere").page).toBe("calls");
  });

  it("writes hrefs that parse back to the same route", () => {
    for (const href of [hrefOf({ page: "call", id: "x/1" }), hrefOf({ page: "similar", id: "y" }), pageHref("cost", { groupBy: "department" }), pageHref("alerts"), hrefOf({ page: "trace", id: "t/1" }), hrefOf({ page: "session", id: "s 1" }), pageHref("traces", { hasError: "true" })]) {
      expect(hrefOf(parseRoute(href))).toBe(href);
    }
  });
});
