// Mutual exclusion through the shipped binary: ten processes of bin/ -> dist/ a round fight over
// one workspace lock, on the file store and on a real Redis, playing the five races of
// support/harness.ts in turn. Each contender is a long-lived worker whose hook processes are held
// at a shared start line and released together, so the hooks hit the store within the same few
// milliseconds. The log replay proving that no two sessions were ever inside at once is the hard
// assertion; give-ups under contention are counted and bounded. The same races run at volume, in
// threads, in threads.test.ts.
//
// Assumes `npm run build` already ran (`npm test` builds first).

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { describeRedis, type RedisServer, scanKeys, startRedis } from "../support/redisServer.js";
import { everyKind, HOUR_MS, type Invariant, type LockAccess, makeArena, overlaps, play, type RaceReport, removeArenas, TTL_MS } from "./support/harness.js";
import { killWorkers, processEngine } from "./support/processEngine.js";

const root = join(import.meta.dirname, "../..");
const CONTENDERS = 10;
const ROUNDS = 20;
/** At most this share of decisions may give up under contention (a hook fails open): liveness, not safety. */
const MAX_FAIL_OPEN_SHARE = 0.02;

afterEach(() => {
  killWorkers();
  removeArenas();
});

beforeAll(() => {
  if (!existsSync(join(root, "dist/cli.cjs"))) throw new Error("dist/cli.cjs is missing: run `npm run build` first");
});

function record(sessionId: string, acquiredAt: number): string {
  return `${JSON.stringify({ schema_version: 1, session_id: sessionId, pid: process.pid, acquired_at: acquiredAt, ttl_ms: TTL_MS })}\n`;
}

function expectProof(report: RaceReport): void {
  expect(report.overlaps, "two sessions inside at once").toEqual([]);
  expect(report.problems).toEqual([]);
  expect(report.enters, "enters in the log").toBe(report.expectedEnters);
  expect(report.failOpens, `give-ups under contention in ${report.decisions} decisions`).toBeLessThanOrEqual(Math.floor(report.decisions * MAX_FAIL_OPEN_SHARE));
}

describe("the log replay", () => {
  it("flags two sessions inside at once and accepts one session's overlapping calls", () => {
    expect(overlaps("enter a 0\nenter b 0\nexit a 0\nexit b 0\n")).toEqual(["line 2: b entered in round 0 while a inside"]);
    expect(overlaps("enter a 0\nenter a 0\nexit a 0\nexit a 0\nenter b 1\nexit b 1\n")).toEqual([]);
    expect(overlaps("enter a 0\n")).toEqual(["a never exited"]);
  });
});

describe(`${CONTENDERS} hook processes × ${ROUNDS} rounds on the file store`, () => {
  it("every kind of race, through the shipped binary: never two holders", async () => {
    const arena = makeArena("csg-race-");
    const workspace = join(arena.dir, "workspace");
    const runtime = join(arena.dir, "config/runtime");
    mkdirSync(workspace);
    mkdirSync(join(arena.dir, "home"));
    mkdirSync(runtime, { recursive: true, mode: 0o700 });
    const lockPath = join(runtime, `session-lock-${createHash("md5").update(workspace, "utf8").digest("hex").slice(0, 12)}.json`);
    const lock: LockAccess = {
      async write(sessionId, acquiredAt) {
        writeFileSync(`${lockPath}.setup`, record(sessionId, acquiredAt), { mode: 0o600 });
        renameSync(`${lockPath}.setup`, lockPath);
      },
      async clear() {
        rmSync(lockPath, { force: true });
      },
      async holder() {
        return existsSync(lockPath) ? JSON.parse(readFileSync(lockPath, "utf8")) : null;
      },
    };
    /** No temp or claim file is left beside the lock once a round is over. */
    const invariant: Invariant = async (round) => {
      const strays = readdirSync(runtime).filter((name) => name.startsWith(`${basename(lockPath)}.`));
      return strays.length === 0 ? [] : [`round ${round}: left beside the lock: ${strays.join(", ")}`];
    };
    const engine = processEngine(arena, {
      lockPath,
      workspace,
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: join(arena.dir, "home"),
        CLAUDE_CONFIG_DIR: join(arena.dir, "config"),
        CLAUDE_SESSION_GUARD_WORKSPACE: workspace,
        // A live pid, so no record is ever judged dead: only the TTL decides staleness here.
        CLAUDE_PID: String(process.pid),
      },
    });
    expectProof(await play(engine, arena, everyKind(lock, CONTENDERS), ROUNDS, invariant));
  });
});

describeRedis(`${CONTENDERS} hook processes on ${CONTENDERS} hosts × ${ROUNDS} rounds on the Redis store`, () => {
  const WORKSPACE_ID = "race/workspace";
  const LOCK_KEY = `claude-session-guard:lock:${createHash("md5").update(WORKSPACE_ID, "utf8").digest("hex").slice(0, 12)}`;
  let server: RedisServer;
  let redis: Redis;

  beforeAll(async () => {
    if (!existsSync(join(root, "dist/redis.cjs"))) throw new Error("dist/redis.cjs is missing: run `npm run build` first");
    server = await startRedis();
    redis = await server.client();
  });
  afterAll(async () => {
    await server?.close();
  });

  it("every kind of race, through the shipped binary: never two holders", async () => {
    const arena = makeArena("csg-redis-race-");
    const lock: LockAccess = {
      async write(sessionId, acquiredAt) {
        await redis.set(LOCK_KEY, record(sessionId, acquiredAt), "PX", TTL_MS + HOUR_MS);
      },
      async clear() {
        await redis.del(LOCK_KEY);
      },
      async holder() {
        const value = await redis.get(LOCK_KEY);
        return value === null ? null : JSON.parse(value);
      },
    };
    /** One workspace, one key. */
    const invariant: Invariant = async (round) => {
      const keys = (await scanKeys(redis, "claude-session-guard:lock:*")).filter((k) => k !== LOCK_KEY);
      return keys.length === 0 ? [] : [`round ${round}: other keys: ${keys.join(", ")}`];
    };
    // Every contender is a host of its own: its own HOME and config dir, the workspace at its own path.
    const hosts = Array.from({ length: CONTENDERS }, (_, id) => {
      const home = join(arena.dir, `host-${id}`);
      const workspace = join(home, "checkout");
      mkdirSync(join(workspace, ".git"), { recursive: true });
      return { workspace, env: { HOME: home, CLAUDE_CONFIG_DIR: join(home, ".claude") } };
    });
    const engine = processEngine(arena, {
      redisUrl: server.url,
      lockKey: LOCK_KEY,
      hosts,
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        CLAUDE_SESSION_GUARD_STORE: server.url,
        CLAUDE_SESSION_GUARD_WORKSPACE_ID: WORKSPACE_ID,
        CLAUDE_PID: String(process.pid),
      },
    });
    expectProof(await play(engine, arena, everyKind(lock, CONTENDERS), ROUNDS, invariant));
  });
});
