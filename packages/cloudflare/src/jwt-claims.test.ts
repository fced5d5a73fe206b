import { describe, expect, it } from "vitest";
import { jwtClaim, jwtClaims } from "./jwt-claims.ts";

function base64Url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

function token(claims: unknown): string {
  return `${base64Url({ alg: "HS256", typ: "JWT" })}.${base64Url(claims)}.signature`;
}

describe("jwtClaims", () => {
  it("reads the claims of a bearer token", () => {
    const request = new Request("https://w.example/", { headers: { authorization: `Bearer ${token({ sub: "user-7", org: 42, name: "Zoë" })}` } });
    expect(jwtClaims(request)).toEqual({ sub: "user-7", org: 42, name: "Zoë" });
    expect(jwtClaim(request, "sub")).toBe("user-7");
    expect(jwtClaim(request, "org")).toBe("42");
  });

  it("reads another header when told", () => {
    const request = new Request("https://w.example/", { headers: { "cf-access-jwt-assertion": token({ email: "a@b.c" }) } });
    expect(jwtClaim(request, "email", "cf-access-jwt-assertion")).toBe("a@b.c");
  });

  it("gives undefined for a missing, malformed or non-object token", () => {
    const of = (header?: string) => new Request("https://w.example/", header ? { headers: { authorization: header } } : {});
    expect(jwtClaims(of())).toBeUndefined();
    expect(jwtClaims(of("Bearer opaque-token"))).toBeUndefined();
    expect(jwtClaims(of("Bearer a.!!!.c"))).toBeUndefined();
    expect(jwtClaims(of(`Bearer a.${base64Url([1, 2])}.c`))).toBeUndefined();
    expect(jwtClaim(of(`Bearer ${token({ sub: { nested: true } })}`), "sub")).toBeUndefined();
  });
});
