// Mutual exclusion at volume: worker threads call the lock's own code (the apply loop over the
// real file store, and over a real Redis) round after round, every contender of a round released
// at once from shared memory. Each of the five races runs for ROUNDS rounds; the log replay
// proving that no two sessions were ever inside at once is the hard assertion, every round's
// expectations are collected and reported together, and contention give-ups are counted and
// bounded. test/race/binary.test.ts proves the same through the shipped binary.

import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { describeRedis, type RedisServer, scanKeys, startRedis } from "../support/redisServer.js";
import { type Invariant, type LockAccess, makeArena, play, removeArenas, type Scenario, scenarios, TTL_MS } from "./support/harness.js";
import { threadEngine, type ThreadStore } from "./support/threadEngine.js";

const CONTENDERS = 8;
const ROUNDS = Number(process.env.CSG_RACE_ROUNDS ?? 400);
/** At most this share of decisions may give up under contention (a hook fails open): liveness, not safety. */
const MAX_FAIL_OPEN_SHARE = 0.01;
const KEY = createHash("md5").update("race/threads", "utf8").digest("hex").slice(0, 12);
const RACE_TIMEOUT_MS = 600_000;

afterEach(removeArenas);

function record(sessionId: string, acquiredAt: number): string {
  return `${JSON.stringify({ schema_version: 1, session_id: sessionId, pid: process.pid, acquired_at: acquiredAt, ttl_ms: TTL_MS })}\n`;
}

async function prove(scenario: (lock: LockAccess) => Scenario, lock: LockAccess, target: ThreadStore, invariant: Invariant, prefix: string) {
  const arena = makeArena(prefix);
  const report = await play(threadEngine(arena, target), arena, scenario(lock), ROUNDS, invariant);
  expect(report.overlaps, "two sessions inside at once").toEqual([]);
  expect(report.problems).toEqual([]);
  expect(report.enters, "enters in the log").toBe(report.expectedEnters);
  expect(report.failOpens, `give-ups under contention in ${report.decisions} decisions`).toBeLessThanOrEqual(Math.floor(report.decisions * MAX_FAIL_OPEN_SHARE));
}

const NAMES = scenarios({} as LockAccess, CONTENDERS).map((s, i) => [s.name, i] as const);

describe(`the file store, ${CONTENDERS} threads × ${ROUNDS} rounds per race`, () => {
  let runtime: string;
  const lockPath = () => join(runtime, `session-lock-${KEY}.json`);
  const lock: LockAccess = {
    async write(sessionId, acquiredAt) {
      writeFileSync(`${lockPath()}.setup`, record(sessionId, acquiredAt), { mode: 0o600 });
      renameSync(`${lockPath()}.setup`, lockPath());
    },
    async clear() {
      rmSync(lockPath(), { force: true });
    },
    async holder() {
      try {
        return JSON.parse(readFileSync(lockPath(), "utf8"));
      } catch {
        return null;
      }
    },
  };
  /** No temp or claim file is left beside the lock once a round is over. */
  const invariant: Invariant = async (round) => {
    const strays = readdirSync(runtime).filter((name) => name.startsWith(`session-lock-${KEY}.json.`));
    return strays.length === 0 ? [] : [`round ${round}: left beside the lock: ${strays.join(", ")}`];
  };

  it.each(NAMES)(
    "%s",
    async (_name, index) => {
      const arena = makeArena("csg-threads-");
      runtime = join(arena.dir, "runtime");
      mkdirSync(runtime, { mode: 0o700 });
      await prove((l) => scenarios(l, CONTENDERS)[index]!, lock, { key: KEY, store: { kind: "file", dir: runtime }, ttlMs: TTL_MS }, invariant, "csg-threads-log-");
    },
    RACE_TIMEOUT_MS,
  );
});

describeRedis(`the Redis store, ${CONTENDERS} threads × ${ROUNDS} rounds per race`, () => {
  let server: RedisServer;
  let redis: Redis;
  const LOCK_KEY = `claude-session-guard:lock:${KEY}`;

  beforeAll(async () => {
    server = await startRedis();
    redis = await server.client();
  });
  afterEach(async () => {
    await redis.flushall();
  });
  afterAll(async () => {
    await server?.close();
  });

  const lock: LockAccess = {
    async write(sessionId, acquiredAt) {
      await redis.set(LOCK_KEY, record(sessionId, acquiredAt), "PX", TTL_MS + 3_600_000);
    },
    async clear() {
      await redis.del(LOCK_KEY);
    },
    async holder() {
      const value = await redis.get(LOCK_KEY);
      return value === null ? null : JSON.parse(value);
    },
  };
  /** One workspace, one key: nothing else appears in Redis. */
  const invariant: Invariant = async (round) => {
    const keys = (await scanKeys(redis, "claude-session-guard:lock:*")).filter((k) => k !== LOCK_KEY);
    return keys.length === 0 ? [] : [`round ${round}: other keys: ${keys.join(", ")}`];
  };

  it.each(NAMES)(
    "%s",
    async (_name, index) => {
      await prove((l) => scenarios(l, CONTENDERS)[index]!, lock, { key: KEY, store: { kind: "redis", url: server.url }, ttlMs: TTL_MS }, invariant, "csg-threads-redis-");
    },
    RACE_TIMEOUT_MS,
  );
});
