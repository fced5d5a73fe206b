import { describe, expect, it } from "vitest";
import { requestTraceName, routeOf } from "./trace-name.ts";

describe("requestTraceName", () => {
  it("is METHOD /route without the query", () => {
    expect(requestTraceName(new Request("https://w.example/chat?user=1", { method: "POST" }))).toBe("POST /chat");
  });

  it("folds id segments so one route keeps one name", () => {
    expect(routeOf("/users/123/threads/0b7c3f2e-8d1a-4c55-9a0e-1f2d3c4b5a69")).toBe("/users/:id/threads/:id");
    expect(routeOf("/blobs/4bf92f3577b34da6a3ce929d0e0e4736")).toBe("/blobs/:id");
    expect(routeOf("/v1/chat")).toBe("/v1/chat");
  });

  it("caps a very long path", () => {
    expect(routeOf(`/${"x".repeat(500)}`)).toHaveLength(120);
  });
});
