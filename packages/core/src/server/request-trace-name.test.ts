import { expect, it } from "vitest";
import { headerValue, requestTraceName } from "./request-trace-name.ts";

it("names a request METHOD /path without query or fragment, and takes a header's first value", () => {
  expect(requestTraceName("post", "/v1/ask?key=SECRET#x")).toBe("POST /v1/ask");
  expect(requestTraceName(undefined, undefined)).toBe("GET /");
  expect(requestTraceName("GET", "?q=1")).toBe("GET /");
  expect(headerValue(["a", "b"])).toBe("a");
  expect(headerValue(undefined)).toBeUndefined();
});
