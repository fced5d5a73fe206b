import { describe, expect, it } from "vitest";
import { hrefOf, pageHref, parseRoute } from "./route.ts";

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

  it("falls back to the calls page for an empty or unknown hash", () => {
    expect(parseRoute("").page).toBe("calls");
    expect(parseRoute("#/nowhere").page).toBe("calls");
  });

  it("writes hrefs that parse back to the same route", () => {
    for (const href of [hrefOf({ page: "call", id: "x/1" }), hrefOf({ page: "similar", id: "y" }), pageHref("cost", { groupBy: "department" }), pageHref("alerts")]) {
      expect(hrefOf(parseRoute(href))).toBe(href);
    }
  });
});
