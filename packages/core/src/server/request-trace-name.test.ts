import { expect, it } from "vitest";
import { headerValue, requestTraceName, routeOf } from "./request-trace-name.ts";

it("names a request METHOD /path without query or fragment, and takes a header's first value", () => {
  expect(requestTraceName("post", "/v1/ask?key=SECRET#x")).toBe("POST /v1/ask");
  expect(requestTraceName(undefined, undefined)).toBe("GET /");
  expect(requestTraceName("GET", "?q=1")).toBe("GET /");
  expect(headerValue(["a", "b"])).toBe("a");
  expect(headerValue(undefined)).toBeUndefined();
});

it("folds id segments into :id and caps the route", () => {
  expect(requestTraceName("GET", "/users/42/orders/123e4567-e89b-12d3-a456-426614174000/items/0af7651916cd43dd?x=1")).toBe("GET /users/:id/orders/:id/items/:id");
  expect(routeOf("/v1/chat")).toBe("/v1/chat");
  expect(routeOf(`/${"x".repeat(300)}`)).toHaveLength(120);
});
