import { describe, expect, it } from "vitest";
import { StoreError } from "../../../../src/errors.js";
import { parseRedisUrl, redactUrl, scrub } from "../../../../src/lock/redis/redisUrl.js";

describe("parseRedisUrl", () => {
  it("reads host, port, database and TLS, with a display form that has no credentials", () => {
    expect(parseRedisUrl("redis://user:p%40ss%2Fw0rd@cache.internal:6380/4")).toEqual({
      host: "cache.internal",
      port: 6380,
      db: 4,
      tls: false,
      username: "user",
      password: "p@ss/w0rd",
      display: "redis://cache.internal:6380/4",
    });
  });

  it("defaults the port to 6379 and the database to 0, and takes a password without a user", () => {
    expect(parseRedisUrl("rediss://:secret@redis.example.com")).toMatchObject({
      host: "redis.example.com",
      port: 6379,
      db: 0,
      tls: true,
      username: undefined,
      password: "secret",
      display: "rediss://redis.example.com:6379/0",
    });
    expect(parseRedisUrl("redis://10.0.0.5/")).toMatchObject({ host: "10.0.0.5", db: 0, password: undefined });
  });

  it("takes an IPv6 literal, bare for connecting and bracketed for people", () => {
    expect(parseRedisUrl("redis://[::1]:7000/1")).toMatchObject({ host: "::1", port: 7000, display: "redis://[::1]:7000/1" });
  });

  it("keeps an unencoded @ inside the password", () => {
    expect(parseRedisUrl("redis://:p@ss@host:6379")).toMatchObject({ host: "host", password: "p@ss" });
  });

  it.each([
    ["http://host:6379", "--store", /^--store must be a Redis URL, .*; "http:\/\/host:6379" has the unsupported scheme "http:"$/],
    ["redis:///0", "CLAUDE_SESSION_GUARD_STORE", /has no host$/],
    ["localhost:6379", "CLAUDE_SESSION_GUARD_STORE", /unsupported scheme "localhost:"/],
    ["not a url", "CLAUDE_SESSION_GUARD_STORE", /"not a url" is not a URL/],
    ["redis://:pa/ss@host:6379", "CLAUDE_SESSION_GUARD_STORE", /"redis:\/\/\*\*\*" (is not a URL|has a path that is not a database number \(percent-encode)/],
    ["redis://host:6379/0?db=1", "CLAUDE_SESSION_GUARD_STORE", /"redis:\/\/host:6379\/0\?\*\*\*" has a query or fragment/],
  ] as const)("refuses %s with a StoreError naming %s", (raw, source, why) => {
    let error: unknown;
    try {
      parseRedisUrl(raw, source);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe("EBADURL");
    expect((error as StoreError).message).toMatch(why);
  });
});

describe("redactUrl", () => {
  it("hides everything after the scheme when there may be credentials", () => {
    expect(redactUrl("redis://user:hunter2@host:6379/0")).toBe("redis://***");
    expect(redactUrl("redis://:hun/ter@2@host")).toBe("redis://***");
    expect(redactUrl("user:hunter2@host")).toBe("***");
  });

  it("hides a query or fragment, and keeps a URL with neither", () => {
    expect(redactUrl("redis://host:6379?password=hunter2")).toBe("redis://host:6379?***");
    expect(redactUrl("redis://host:6379#x")).toBe("redis://host:6379?***");
    expect(redactUrl("redis://host:6379/2")).toBe("redis://host:6379/2");
  });
});

describe("scrub", () => {
  const target = { username: "ops", password: "s3cr/t@!" };

  it("removes the password in every spelling, and the whole URL it came in", () => {
    const raw = `redis://ops:${encodeURIComponent(target.password)}@h:1`;
    const text = `failed for ${raw}: AUTH ops s3cr/t@! (${encodeURIComponent(target.password)}) ops:s3cr/t@!`;
    const out = scrub(text, target, raw);
    expect(out).not.toContain("s3cr");
    expect(out).toBe("failed for ***: AUTH ops *** (***) ***");
  });

  it("leaves a text alone when the URL has no credentials", () => {
    expect(scrub("cannot reach redis://h:1/0", { username: undefined, password: undefined }, "redis://h:1")).toBe("cannot reach redis://h:1/0");
  });
});
