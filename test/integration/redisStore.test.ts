// The Redis store against a real redis-server: the shared store contract unchanged, then what
// only Redis has (key layout and expiry, SCAN paging, databases, credentials, timeouts).

import { type AddressInfo, createServer } from "node:net";
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { judge, UNKNOWN_LIVENESS } from "../../src/lock/decide.js";
import { serializeRecord } from "../../src/lock/record.js";
import type { LockStore } from "../../src/lock/port.js";
import { StoreError } from "../../src/errors.js";
import { LOCK_PREFIX, NOTICE_PREFIX, redisStore, type RedisStoreOptions } from "../../src/lock/redis/redisStore.js";
import { describeRedis, type RedisServer, startRedis } from "../support/redisServer.js";
import { record, storeContract } from "../support/storeContract.js";

const KEY = "0123456789ab";
const PASSWORD = "pa:ss@w/rd#1?";

describeRedis("the Redis store", () => {
  let server: RedisServer;
  let admin: Redis;
  const stores: LockStore[] = [];
  const open = (url = server.url, options: RedisStoreOptions = {}) => {
    const store = redisStore(url, options);
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    server = await startRedis();
    admin = await server.client();
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
  });
  afterAll(async () => {
    await server?.close();
  });

  storeContract("Redis", async () => {
    await admin.flushall();
    return {
      open: () => open(),
      async writeRaw(key, text) {
        await admin.set(`${LOCK_PREFIX}${key}`, text);
      },
      async cleanup() {
        await admin.flushall();
      },
    };
  });

  describe("keys and expiry", () => {
    afterEach(async () => {
      await admin.flushall();
    });

    it("stores the lock under claude-session-guard:lock:<hash> as the same record JSON as the file", async () => {
      const store = open();
      await store.create(KEY, record("alpha"));
      expect(await admin.get(`claude-session-guard:lock:${KEY}`)).toBe(serializeRecord(record("alpha")));
    });

    it("lets the key outlive the record's TTL by the retention, so a stale record stays visible", async () => {
      const store = open(server.url, { retentionMs: 3_600_000 });
      await store.create(KEY, record("alpha", { ttl_ms: 300_000 }));
      expectPttl(await admin.pttl(`${LOCK_PREFIX}${KEY}`), 3_900_000);
      // Re-arms on every write: a refresh with a longer lease moves the expiry with it.
      const { version } = await store.read(KEY);
      await store.replace(KEY, version!, record("alpha", { ttl_ms: 900_000, generation: 2 }));
      expectPttl(await admin.pttl(`${LOCK_PREFIX}${KEY}`), 4_500_000);
    });

    it("judges staleness from the record, as for files: a lapsed record is still there, and stale", async () => {
      const store = open();
      const lapsed = record("alpha", { acquired_at: Date.now() - 600_000 });
      await store.create(KEY, lapsed);
      const { observed } = await store.read(KEY);
      expect(observed.kind).toBe("record");
      expect(judge(observed as Exclude<typeof observed, { kind: "absent" }>, Date.now(), UNKNOWN_LIVENESS).state).toBe("stale");
    });

    it("collects an abandoned lock through Redis expiry", async () => {
      const store = open(server.url, { retentionMs: 1 });
      await store.create(KEY, record("alpha", { ttl_ms: 50 }));
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect((await store.read(KEY)).observed).toEqual({ kind: "absent" });
    });

    it("keeps an undelivered notice for a day under claude-session-guard:notice:<hash>:<session>", async () => {
      const store = open();
      await store.putNotice(KEY, "alpha", { by: { session_id: "beta", pid: 7 }, at: 1, reason: "stale", generation: 1 });
      const [name, ...more] = await scanAll(admin, `${NOTICE_PREFIX}*`);
      expect(more).toEqual([]);
      expect(name).toMatch(new RegExp(`^claude-session-guard:notice:${KEY}:[0-9a-f]{12}$`));
      expectPttl(await admin.pttl(name!), 86_400_000);
    });
  });

  describe("listing", () => {
    afterEach(async () => {
      await admin.flushall();
    });

    it("walks every SCAN page (the test server has KEYS disabled) and skips keys that are not locks", async () => {
      const store = open(server.url, { scanCount: 7 });
      const keys = Array.from({ length: 120 }, (_, i) => i.toString(16).padStart(12, "0"));
      await Promise.all(keys.map((key) => store.create(key, record(`s-${key}`))));
      await admin.set(`${LOCK_PREFIX}not-a-hash`, "x");
      await admin.set(`${LOCK_PREFIX}${KEY}:extra`, "x");
      await admin.set("someone-else:lock:0123456789ab", "x");
      await admin.hset(`${LOCK_PREFIX}ffffffffffff-hash`, "a", "b");
      await expect(admin.call("KEYS", "*")).rejects.toThrow(/unknown command/);
      const listed = await store.list();
      expect(listed.map((l) => l.key)).toEqual(keys);
      expect(listed.every((l) => l.snapshot.observed.kind === "record")).toBe(true);
    });
  });

  describe("databases and URLs", () => {
    it("keeps its keys in the database the URL names", async () => {
      const store = open(`${server.url}/3`);
      await store.create(KEY, record("alpha"));
      const db3 = await server.client(3);
      expect(await db3.get(`${LOCK_PREFIX}${KEY}`)).not.toBeNull();
      expect(await admin.get(`${LOCK_PREFIX}${KEY}`)).toBeNull();
      await db3.flushdb();
    });

    it("shows its location as the URL without credentials plus the key", () => {
      const store = open(`redis://user:${encodeURIComponent(PASSWORD)}@127.0.0.1:${server.port}/2`);
      expect(store.location(KEY)).toBe(`redis://127.0.0.1:${server.port}/2 claude-session-guard:lock:${KEY}`);
    });

    it.each([
      ["ftp://127.0.0.1:6379", /unsupported scheme "ftp:"/],
      ["redis://", /has no host/],
      ["127.0.0.1:6379", /unsupported scheme|is not a URL/],
      ["redis://127.0.0.1:6379/x", /not a database number/],
      ["redis://user@127.0.0.1:6379", /user name but no password/],
      ["redis://127.0.0.1:6379?password=hunter2", /query or fragment/],
    ])("refuses %s with a StoreError that names the setting", (url, why) => {
      const attempt = () => redisStore(url);
      expect(attempt).toThrow(StoreError);
      expect(attempt).toThrow(why);
      expect(attempt).toThrow(/^CLAUDE_SESSION_GUARD_STORE must be a Redis URL/);
      expect(() => redisStore(url, { source: "--store" })).toThrow(/^--store must be a Redis URL/);
    });

    it("never repeats the password of a URL it refuses", () => {
      for (const url of [`ftp://u:${PASSWORD}@h`, `redis://u:${PASSWORD}@h:12/x`, "redis://h:1?password=hunter2", `redis://:${PASSWORD}`]) {
        const message = catchMessage(() => redisStore(url));
        expect(message).not.toContain("hunter2");
        expect(message).not.toContain("pa:ss");
        expect(message).not.toContain("w/rd");
      }
    });
  });

  describe("credentials", () => {
    let secured: RedisServer;
    beforeAll(async () => {
      secured = await startRedis({ password: PASSWORD });
    });
    afterAll(async () => {
      await secured?.close();
    });

    it("logs in with the password in the URL (percent-encoded)", async () => {
      const store = open(secured.url);
      expect(await store.create(KEY, record("alpha"))).toBe("ok");
      expect(store.location(KEY)).not.toContain(encodeURIComponent(PASSWORD));
    });

    it("logs in as a named user (ACL), redis://user:password@host", async () => {
      const store = open(`redis://default:${encodeURIComponent(PASSWORD)}@127.0.0.1:${secured.port}`);
      expect((await store.read("aaaaaaaaaaaa")).observed).toEqual({ kind: "absent" });
    });

    it("says a wrong password was refused, without repeating it", async () => {
      const wrong = "wr0ng-pa55word";
      const error = await failure(open(`redis://:${wrong}@127.0.0.1:${secured.port}`).read(KEY));
      expect(error.code).toBe("EAUTH");
      expect(error.message).toMatch(/refused the user name or password/);
      expect(error.message).not.toContain(wrong);
    });

    it("says a password is needed when the URL has none", async () => {
      const error = await failure(open(`redis://127.0.0.1:${secured.port}`).read(KEY));
      expect(error.code).toBe("EAUTH");
      expect(error.message).toMatch(/requires a password/);
    });

    it("works when the URL has a password the server does not need", async () => {
      const store = open(`redis://:unneeded@127.0.0.1:${server.port}`);
      expect((await store.read("bbbbbbbbbbbb")).observed).toEqual({ kind: "absent" });
    });
  });

  describe("failing fast", () => {
    // The contract's budget for a hook to fail open on an unreachable or silent Redis. What these
    // tests tell apart is that budget from ioredis's own defaults (a 10 s connect timeout, retries
    // for ever), so the bound is the contract's, not a guess at this machine's speed.
    const FAIL_FAST_MS = 1500;

    it("fails with a StoreError at once when nothing listens, naming the URL without its password", async () => {
      const down = await startRedis();
      const port = down.port;
      await down.close();
      const started = Date.now();
      const error = await failure(open(`redis://:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`).read(KEY));
      expect(Date.now() - started).toBeLessThan(FAIL_FAST_MS);
      expect(error.code).toBe("ECONNREFUSED");
      expect(error.message).toBe(
        `cannot reach the Redis lock store at redis://127.0.0.1:${port}/0 (connect ECONNREFUSED 127.0.0.1:${port}); ` +
          "check that Redis runs there and that CLAUDE_SESSION_GUARD_STORE names it",
      );
    });

    it("gives up on a hung Redis after the command timeout, and closes without waiting for it", async () => {
      const hung = await startRedis();
      try {
        const store = open(hung.url, { commandTimeoutMs: 300 });
        expect((await store.read(KEY)).version).toBeNull();
        hung.pause();
        const started = Date.now();
        const error = await failure(store.read(KEY));
        expect(error.code).toBe("ETIMEDOUT");
        expect(error.message).toBe(`the Redis lock store at redis://127.0.0.1:${hung.port}/0 did not answer within 300 ms (reading the lock)`);
        expect(Date.now() - started).toBeLessThan(FAIL_FAST_MS);
        // A timed-out connection cannot be trusted to answer in order: later steps fail the same way.
        await expect(store.create(KEY, record("alpha"))).rejects.toThrow(error.message);
        const closing = Date.now();
        await store.close();
        expect(Date.now() - closing).toBeLessThan(FAIL_FAST_MS);
      } finally {
        hung.resume();
        await hung.close();
      }
    });

    it("gives up on a Redis that accepts connections but never answers the login", async () => {
      const hung = await startRedis({ password: PASSWORD });
      try {
        hung.pause();
        const started = Date.now();
        const error = await failure(open(hung.url, { commandTimeoutMs: 300 }).read(KEY));
        expect(error.code).toBe("ETIMEDOUT");
        expect(error.message).toMatch(/did not answer within 300 ms \(logging in\)/);
        expect(Date.now() - started).toBeLessThan(FAIL_FAST_MS);
      } finally {
        hung.resume();
        await hung.close();
      }
    });

    it("gives up on a connection that never completes (a TLS handshake nobody answers) after the connect timeout", async () => {
      const silent = createServer(() => {});
      await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
      const { port } = silent.address() as AddressInfo;
      try {
        const started = Date.now();
        const error = await failure(open(`rediss://127.0.0.1:${port}`, { connectTimeoutMs: 300 }).read(KEY));
        expect(Date.now() - started).toBeLessThan(FAIL_FAST_MS);
        expect(error.message).toMatch(new RegExp(`^cannot reach the Redis lock store at rediss://127.0.0.1:${port}/0 \\(.*ETIMEDOUT.*\\)`));
      } finally {
        silent.close();
      }
    });

    it("says so when the port answers in another protocol", async () => {
      const http = createServer((socket) => socket.on("data", () => socket.end("HTTP/1.1 400 Bad Request\r\n\r\n")));
      await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
      const { port } = http.address() as AddressInfo;
      try {
        const error = await failure(open(`redis://127.0.0.1:${port}`).read(KEY));
        expect(error.code).toBe("EPROTO");
        expect(error.message).toMatch(/does not answer like a Redis server .*; check the host and port in CLAUDE_SESSION_GUARD_STORE$/);
      } finally {
        http.close();
      }
    });

    it("keeps working after an error reply, which leaves the connection in step", async () => {
      const store = open();
      await admin.hset(`${LOCK_PREFIX}${KEY}`, "not", "a string");
      const error = await failure(store.read(KEY));
      expect(error.code).toBe("EWRONGTYPE");
      expect(error.message).toMatch(/not a lock record/);
      expect((await store.read("cccccccccccc")).observed).toEqual({ kind: "absent" });
      await admin.flushall();
    });

    it("refuses every step once closed", async () => {
      const store = open();
      await store.read(KEY);
      await store.close();
      expect((await failure(store.read(KEY))).code).toBe("ECLOSED");
    });

    it("reports a client that cannot be loaded as a StoreError", async () => {
      const store = open(server.url, { loadClient: () => Promise.reject(new Error("Cannot find module 'redis.cjs'")) });
      const error = await failure(store.read(KEY));
      expect(error.code).toBe("ENOCLIENT");
      expect(error.message).toMatch(/cannot load the Redis client/);
    });
  });
});

function expectPttl(pttl: number, expected: number): void {
  expect(pttl).toBeGreaterThan(expected - 10_000);
  expect(pttl).toBeLessThanOrEqual(expected);
}

async function scanAll(redis: Redis, pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 100);
    found.push(...batch);
    cursor = next;
  } while (cursor !== "0");
  return found;
}

async function failure(promise: Promise<unknown>): Promise<StoreError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    return error as StoreError;
  }
  throw new Error("expected a StoreError");
}

function catchMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected an error");
}
