// The Redis store: the workspace locks of several hosts in one Redis, one string key per
// workspace holding the same record JSON as the lock file.
//
// Invariants:
// - Create is `SET key value NX PX ms`: of any number of processes, on any hosts, creating a free
//   lock exactly one gets OK.
// - A lock's version is its exact stored value. Replace and remove are compare-and-set Lua
//   scripts (GET == expected, then SET or DEL). Redis runs a script atomically, so a change applies
//   only to the very record it was decided on and never to a lock another session wrote since.
//   Every write carries a new `generation`, so a value never comes back once replaced.
// - Staleness is judged from the record, exactly as for the file store (core/decide.ts). The key
//   expires `retentionMs` after the record's own TTL: a stale record stays visible to `status` and
//   to the session that takes it over (which tells its holder who came in), and Redis expiry only
//   collects locks that nobody took over or cleared.
// - Fail fast: one connection, no reconnects, no offline queue, every step under a timeout. A
//   Redis that is down or hung costs a hook at most one connect or command timeout; then the store
//   throws a StoreError and the hook fails open.
// - Credentials are never handed to messages: errors name the URL's display form and pass
//   through `scrub` (redisUrl.ts).

import { join } from "node:path";
import type { Redis } from "ioredis";
import { errnoOf, messageOf, StoreError } from "../../errors.js";
import { corrupt, redis as M } from "../../messages.js";
import { md5Hex } from "../md5.js";
import type { LockStore, LostNotice, Snapshot, StoredLock, SwapResult, Version } from "../port.js";
import { ABSENT, type Observed, parseRecord, serializeRecord } from "../record.js";
import { parseRedisUrl, type RedisTarget, scrub, type UrlSource } from "./redisUrl.js";

export const LOCK_PREFIX = "claude-session-guard:lock:";
export const NOTICE_PREFIX = "claude-session-guard:notice:";
export const HELD_PREFIX = "claude-session-guard:held:";

const LOCK_KEY = /^claude-session-guard:lock:([0-9a-f]{12})$/;
const MAX_RECORD_BYTES = 64 * 1024;

export interface RedisStoreOptions {
  /** Which setting named the URL, for messages. */
  source?: UrlSource;
  /** The URL already parsed (by chooseStore), so it is parsed once. */
  target?: RedisTarget;
  /** TCP (and TLS) connect, default 300 ms, or 600 ms for rediss:// (the handshake's extra round trips). */
  connectTimeoutMs?: number;
  /** Each command, default 400 ms. */
  commandTimeoutMs?: number;
  /** How long a lock key outlives its record's TTL, default 1 hour. */
  retentionMs?: number;
  /** How long an undelivered lost-lock notice is kept, default 24 hours. */
  noticeTtlMs?: number;
  /** SCAN's COUNT hint for `list`. */
  scanCount?: number;
  /** How ioredis is loaded; see `loadClient`. */
  loadClient?: () => Promise<ClientModule>;
}

type ClientModule = typeof import("./redisClient.js");

/** Set by the build (esbuild --define) in dist/cli.cjs; undefined when running from source. */
declare const CSG_BUNDLE: true | undefined;

/**
 * ioredis lives in its own bundle, dist/redis.cjs beside dist/cli.cjs, so the file store's hook
 * path never parses it. The path is computed, so esbuild leaves this require alone; the ternary
 * on a build-time constant drops the source-tree import from the bundle.
 */
export function loadClient(): Promise<ClientModule> {
  return typeof CSG_BUNDLE !== "undefined"
    ? Promise.resolve(require(join(__dirname, "redis.cjs")) as ClientModule)
    : import("./redisClient.js");
}

const REPLACE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
  return 1
end
return 0`;

const REMOVE = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('DEL', KEYS[1])
  return 1
end
return 0`;

const TAKE = `
local value = redis.call('GET', KEYS[1])
if value then redis.call('DEL', KEYS[1]) end
return value`;

export function redisStore(url: string, options: RedisStoreOptions = {}): LockStore {
  const target = options.target ?? parseRedisUrl(url, options.source);
  const source = options.source ?? "CLAUDE_SESSION_GUARD_STORE";
  const connectTimeoutMs = options.connectTimeoutMs ?? (target.tls ? 600 : 300);
  const commandTimeoutMs = options.commandTimeoutMs ?? 400;
  const retentionMs = options.retentionMs ?? 3_600_000;
  const noticeTtlMs = options.noticeTtlMs ?? 86_400_000;
  const heldTtlMs = 8 * 86_400_000;
  const scanCount = options.scanCount ?? 100;
  const load = options.loadClient ?? loadClient;
  const where = M.storeAt(target.display);
  const lockKey = (key: string) => `${LOCK_PREFIX}${key}`;
  const sessionHash = (sessionId: string) => md5Hex(sessionId).slice(0, 12);
  const noticeKey = (key: string, sessionId: string) => `${NOTICE_PREFIX}${key}:${sessionHash(sessionId)}`;
  const heldKey = (sessionId: string) => `${HELD_PREFIX}${sessionHash(sessionId)}`;

  let client: Redis | null = null;
  let connection: Promise<Redis> | null = null;
  /** Once a step timed out the connection's replies can no longer be trusted: every later step fails the same way. */
  let broken: StoreError | null = null;
  let closed = false;
  /** The socket's own error (ECONNREFUSED, a TLS failure): ioredis rejects connect() with a vaguer one. */
  let lastError: unknown = null;

  async function connect(): Promise<Redis> {
    let Client: ClientModule["Redis"];
    try {
      ({ Redis: Client } = await load());
    } catch (error) {
      throw new StoreError(M.noClient(messageOf(error)), "ENOCLIENT");
    }
    const redis = new Client({
      host: target.host,
      port: target.port,
      // SNI names a host, never an address.
      ...(target.tls && { tls: isAddress(target.host) ? {} : { servername: target.host } }),
      lazyConnect: true,
      connectTimeout: connectTimeoutMs,
      // One attempt: a hook that cannot reach Redis now fails open now; retrying would only
      // stall the tool call.
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      // No handshake of ioredis's own (HELLO, INFO, CLIENT SETINFO): each is a round trip, and some
      // print warnings to stderr. Credentials and the database are sent below instead.
      protocol: 2,
      enableReadyCheck: false,
      disableClientInfo: true,
      autoResubscribe: false,
      autoResendUnfulfilledCommands: false,
    });
    // Failures reach us through the rejected promises; without a listener ioredis would print
    // each one to stderr.
    redis.on("error", (error: unknown) => (lastError = error));
    client = redis;
    try {
      await within(redis.connect(), connectTimeoutMs + 100, M.doing.connecting);
    } catch (error) {
      throw unreachable(error instanceof StoreError ? error : (lastError ?? error));
    }
    const setup: Promise<unknown>[] = [];
    if (target.password !== undefined) {
      const auth = target.username !== undefined ? redis.auth(target.username, target.password) : redis.auth(target.password);
      // A password the server does not need is harmless: the store works, so the guard guards.
      setup.push(auth.catch((error: unknown) => (/no password is set|without any password configured/i.test(messageOf(error)) ? "OK" : Promise.reject(error))));
    }
    if (target.db !== 0) setup.push(redis.select(target.db));
    // Sent back to back; Redis answers in order, so an AUTH failure is the first rejection seen.
    await within(Promise.all(setup), commandTimeoutMs, M.doing.loggingIn);
    return redis;
  }

  /** Runs one step against Redis, under the timeout, with every failure made a StoreError. */
  async function step<T>(doing: string, run: (redis: Redis) => Promise<T>): Promise<T> {
    if (closed) throw new StoreError(M.closed(where), "ECLOSED");
    if (broken !== null) throw broken;
    try {
      connection ??= connect();
      const redis = await connection;
      return await within(run(redis), commandTimeoutMs, doing);
    } catch (error) {
      const problem = failure(error, doing);
      // An error reply leaves the connection in step; anything else (a timeout, a dropped
      // connection) means later replies could answer the wrong command.
      if (!isReplyError(error)) {
        broken = problem;
        client?.disconnect();
      }
      throw problem;
    }
  }

  function within<T>(promise: Promise<T>, ms: number, doing: string): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new StoreError(M.timedOut(where, ms, doing), "ETIMEDOUT")), ms);
    });
    return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
  }

  function failure(error: unknown, doing: string): StoreError {
    if (error instanceof StoreError) return new StoreError(scrub(error.message, target, url), error.code);
    const text = scrub(messageOf(error), target, url);
    const code = codeOf(error);
    if (code === "WRONGPASS" || /invalid password|invalid username-password/i.test(text)) {
      return new StoreError(M.refusedCredentials(where, text), "EAUTH");
    }
    if (code === "NOAUTH") return new StoreError(M.needsPassword(where), "EAUTH");
    if (code === "WRONGTYPE") return new StoreError(M.wrongType(where, doing), "EWRONGTYPE");
    if (/unknown RESP type|protocol error/i.test(text)) return new StoreError(M.notRedis(where, text, source), "EPROTO");
    return new StoreError(M.failedWhile(where, doing, text), code ?? "EREDIS");
  }

  /** A failed connect (refused, unresolvable host, timeout, TLS): say where, and what to check. */
  function unreachable(error: unknown): StoreError {
    const detail = error instanceof StoreError ? M.noConnection(connectTimeoutMs) : scrub(messageOf(error), target, url);
    return new StoreError(M.unreachable(where, detail, source), error instanceof StoreError ? error.code : (codeOf(error) ?? "ECONNECT"));
  }

  function snapshotOf(value: Buffer | null): Snapshot {
    if (value === null) return { observed: ABSENT, version: null };
    // latin1 maps bytes to characters one to one, so the version is the exact stored bytes even
    // when they are not UTF-8, and a corrupt value can still be compared and replaced.
    return { observed: observe(value), version: { token: value.toString("latin1") } };
  }

  const expected = (version: Version) => Buffer.from(version.token, "latin1");

  return {
    async read(key) {
      return step(M.doing.reading, async (redis) => snapshotOf(await redis.getBuffer(lockKey(key))));
    },

    async create(key, record) {
      const reply = await step(M.doing.creating, (redis) =>
        redis.set(lockKey(key), serializeRecord(record), "PX", expiry(record.ttl_ms, retentionMs), "NX"),
      );
      return reply === "OK" ? "ok" : "conflict";
    },

    async replace(key, version, record) {
      const reply = await step(M.doing.replacing, (redis) =>
        redis.eval(REPLACE, 1, lockKey(key), expected(version), serializeRecord(record), expiry(record.ttl_ms, retentionMs)),
      );
      return swapped(reply);
    },

    async remove(key, version) {
      return swapped(await step(M.doing.removing, (redis) => redis.eval(REMOVE, 1, lockKey(key), expected(version))));
    },

    async list() {
      const keys = new Set<string>();
      let cursor = "0";
      // SCAN, never KEYS: KEYS blocks a shared Redis for as long as it walks the whole keyspace.
      do {
        const [next, batch] = await step(M.doing.listing, (redis) => redis.scan(cursor, "MATCH", `${LOCK_PREFIX}*`, "COUNT", scanCount));
        for (const name of batch) if (LOCK_KEY.test(name)) keys.add(name);
        cursor = next;
      } while (cursor !== "0");
      const names = [...keys].sort();
      const locks: StoredLock[] = [];
      for (let i = 0; i < names.length; i += scanCount) {
        const chunk = names.slice(i, i + scanCount);
        const values = await step(M.doing.listing, (redis) => redis.mgetBuffer(...chunk));
        chunk.forEach((name, j) => {
          const value = values[j] ?? null;
          // Gone between SCAN and MGET: released or expired, so not a lock any more.
          if (value === null) return;
          const key = LOCK_KEY.exec(name)![1]!;
          locks.push({ key, location: location(key), snapshot: snapshotOf(value) });
        });
      }
      return locks;
    },

    location,

    async putNotice(key, sessionId, notice) {
      await step(M.doing.leavingNotice, (redis) => redis.set(noticeKey(key, sessionId), JSON.stringify(notice), "PX", noticeTtlMs));
    },

    async takeNotice(key, sessionId) {
      // GET and DEL in one script: of a session's concurrent hook calls exactly one gets the notice.
      const value = await step(M.doing.takingNotice, (redis) => redis.eval(TAKE, 1, noticeKey(key, sessionId)));
      if (typeof value !== "string") return null;
      try {
        return JSON.parse(value) as LostNotice;
      } catch {
        return null;
      }
    },

    async noteHeld(sessionId, key) {
      // A set per session, kept as long as the longest a record can hold a lock, from its last note.
      await step(M.doing.notingHeld, (redis) => redis.multi().sadd(heldKey(sessionId), key).pexpire(heldKey(sessionId), heldTtlMs).exec());
    },

    async heldBy(sessionId) {
      return (await step(M.doing.listingHeld, (redis) => redis.smembers(heldKey(sessionId)))).filter((key) => /^[0-9a-f]{12}$/.test(key));
    },

    async forgetHeld(sessionId) {
      await step(M.doing.forgettingHeld, (redis) => redis.del(heldKey(sessionId)));
    },

    async close() {
      closed = true;
      const redis = client;
      client = null;
      if (redis === null) return;
      // Every step was awaited, so there is nothing left to flush: close at once rather than pay a
      // QUIT round trip on every hook call. An unref'd socket never holds the process open, even
      // half-closed against a hung server.
      redis.disconnect();
      (redis as unknown as { stream?: { unref?(): void } }).stream?.unref?.();
    },
  };

  function location(key: string): string {
    return `${target.display} ${lockKey(key)}`;
  }
}

function observe(value: Buffer): Observed {
  if (value.length > MAX_RECORD_BYTES) return { kind: "corrupt", reason: corrupt.oversized(MAX_RECORD_BYTES) };
  return parseRecord(value.toString("utf8"));
}

/** The key outlives the record's TTL by the retention; PX wants a positive whole number. */
function expiry(ttlMs: number, retentionMs: number): number {
  return Math.max(1, Math.ceil(ttlMs + retentionMs));
}

/** An IPv4 or IPv6 literal (the URL parser has already taken the brackets off an IPv6 one). */
function isAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(":");
}

function isReplyError(error: unknown): boolean {
  return error instanceof Error && error.name === "ReplyError";
}

function swapped(reply: unknown): SwapResult {
  return reply === 1 ? "ok" : "conflict";
}

/** A Node error code (ECONNREFUSED) or the first word of a Redis error reply (WRONGPASS). */
function codeOf(error: unknown): string | undefined {
  return errnoOf(error) ?? /^([A-Z]+)\s/.exec(messageOf(error))?.[1];
}

export type { RedisTarget };
