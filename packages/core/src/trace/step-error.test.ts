import { describe, expect, it } from "vitest";
import { stepError } from "./step-error.ts";

describe("stepError", () => {
  it("keeps the kind and message, never the object, and drops URLs' userinfo and query", () => {
    expect(stepError(new TypeError("Request cannot be constructed from http://user:pw@api.example.com/x?key=K&q=1 (bad)"))).toEqual({ kind: "TypeError", message: "Request cannot be constructed from http://api.example.com/x (bad)" });
    expect(stepError(Object.assign(new Error("gone"), { name: "AbortError" }))).toEqual({ kind: "aborted", message: "gone" });
    expect(stepError("plain")).toEqual({ kind: "error", message: "plain" });
    expect(stepError(new Error("x".repeat(5000))).message).toHaveLength(1024);
  });
});
