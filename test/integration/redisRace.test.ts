// Mutual exclusion on the Redis store under real concurrency: ten processes of the built binary
// (bin/ -> dist/), each a "host" of its own (HOME, config dir, workspace path) sharing one
// workspace id and one real redis-server, fight over the lock round after round. The harness is
// the file race suite's (support/raceHarness.ts), with the lock arranged and inspected in Redis:
// hooks are held at a start line and released together, every allowed contender logs
// `enter`/`exit` around a critical section that lasts until the whole round has decided, and
// replaying the merged log proves that no two sessions were ever inside at once.
//
// Assumes `npm run build` already ran (`npm test` builds first).

import { createHash } from "node:crypto";
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { describeRedis, type RedisServer, startRedis } from "../support/redisServer.js";
import {
  type Arena,
  CONTENDERS,
  cleanUp,
  HOUR_MS,
  type HookCommand,
  makeArena as makeRaceArena,
  overlaps,
  type Played,
  ROUNDS,
  type Role,
  race as runRace,
  replay,
  rounds,
  TTL_MS,
  takers,
  winners,
} from "./support/raceHarness.js";

const root = join(import.meta.dirname, "../..");

const WORKSPACE_ID = "race/workspace";
const LOCK_KEY = `claude-session-guard:lock:${createHash("md5").update(WORKSPACE_ID, "utf8").digest("hex").slice(0, 12)}`;
/** Ten processes spawned per round on a busy CI machine: far more than the default 60 s per test. */
const RACE_TIMEOUT_MS = 300_000;

describeRedis(`races on the Redis store between ${CONTENDERS} hook processes, ${ROUNDS} rounds each`, () => {
  let server: RedisServer;
  let redis: Redis;

  beforeAll(async () => {
    if (!existsSync(join(root, "dist/redis.cjs"))) throw new Error("dist/redis.cjs is missing: run `npm run build` first");
    server = await startRedis();
    redis = await server.client();
  });
  afterEach(async () => {
    cleanUp();
    await redis.flushall();
  });
  afterAll(async () => {
    await server?.close();
  });

  function makeArena(): Arena {
    return makeRaceArena("csg-redis-race-");
  }

  /** Puts the lock in a known state before a round, as another host's guard would have left it. */
  async function writeLock(sessionId: string, acquiredAt: number): Promise<void> {
    const record = { schema_version: 1, session_id: sessionId, pid: process.pid, acquired_at: acquiredAt, ttl_ms: TTL_MS };
    await redis.set(LOCK_KEY, `${JSON.stringify(record)}\n`, "PX", TTL_MS + HOUR_MS);
  }

  async function clearLock(): Promise<void> {
    await redis.del(LOCK_KEY);
  }

  async function lockHolder(): Promise<{ session_id: string; acquired_at: number } | null> {
    const value = await redis.get(LOCK_KEY);
    return value === null ? null : JSON.parse(value);
  }

  function race(
    arena: Arena,
    roles: Role[][],
    setup: (round: number) => Promise<void>,
    check: (round: number, played: Played[]) => Promise<void>,
  ): Promise<void> {
    // Every contender is a host of its own: its own HOME and config dir, the workspace at its own path.
    const hosts = Array.from({ length: roles[0]!.length }, (_, id) => {
      const home = join(arena.dir, `host-${id}`);
      const workspace = join(home, "checkout");
      mkdirSync(join(workspace, ".git"), { recursive: true });
      return { workspace, env: { HOME: home, CLAUDE_CONFIG_DIR: join(home, ".claude") } };
    });
    return runRace(arena, roles, {
      plan: {
        redisUrl: server.url,
        lockKey: LOCK_KEY,
        hosts,
        env: {
          PATH: process.env.PATH ?? "/usr/bin:/bin",
          CLAUDE_SESSION_GUARD_STORE: server.url,
          CLAUDE_SESSION_GUARD_WORKSPACE_ID: WORKSPACE_ID,
          // A live pid, so no record is ever judged dead: only the TTL decides staleness here.
          CLAUDE_PID: String(process.pid),
        },
      },
      setup,
      soft: false,
      invariant: async (round) => {
        const locks = await scan(redis, "claude-session-guard:lock:*");
        expect(locks.filter((k) => k !== LOCK_KEY), `round ${round}: one workspace, one key`).toEqual([]);
      },
      check,
      waitMs: 30_000,
    });
  }

  it(
    "exactly one of ten sessions on ten hosts wins a free lock, and its stop frees it",
    async () => {
      const arena = makeArena();
      await race(
        arena,
        rounds((r) => takers("free-", r, { release: true })),
        () => clearLock(),
        async (round, played) => {
          expect(winners(played), `round ${round}`).toHaveLength(1);
          const winner = played.find((p) => p.entered)!;
          expect(winner.holderSeen, `round ${round}: the lock is the winner's while it works`).toBe(winner.session);
          expect(await lockHolder(), `round ${round}: released`).toBeNull();
        },
      );
      expect(replay(arena)).toEqual({ enters: ROUNDS, overlaps: [] });
    },
    RACE_TIMEOUT_MS,
  );

  it(
    "exactly one of ten sessions takes over a stale lock",
    async () => {
      const arena = makeArena();
      await race(
        arena,
        rounds((r) => takers("taker-", r, { release: true })),
        () => writeLock("gone-session", Date.now() - HOUR_MS),
        async (round, played) => {
          expect(winners(played), `round ${round}`).toHaveLength(1);
          const winner = played.find((p) => p.entered)!;
          expect(winner.holderSeen, `round ${round}`).toBe(winner.session);
          expect(await lockHolder(), `round ${round}: released`).toBeNull();
        },
      );
      expect(replay(arena)).toEqual({ enters: ROUNDS, overlaps: [] });
    },
    RACE_TIMEOUT_MS,
  );

  it(
    "allows all ten parallel calls of one session, and the lock ends up that session's",
    async () => {
      const arena = makeArena();
      const sessionOf = (round: number) => `parallel-r${round}`;
      const starts = [
        () => clearLock(),
        (s: string) => writeLock(s, Date.now() - 1000),
        (s: string) => writeLock(s, Date.now() - HOUR_MS),
        () => writeLock("gone-session", Date.now() - HOUR_MS),
      ];
      let openedAt = 0;
      await race(
        arena,
        rounds((r) => Array.from({ length: CONTENDERS }, () => ({ session: sessionOf(r), steps: ["pretooluse"] as HookCommand[] }))),
        async (round) => {
          await starts[round % starts.length]!(sessionOf(round));
          openedAt = Date.now();
        },
        async (round, played) => {
          expect(winners(played), `round ${round}`).toHaveLength(CONTENDERS);
          expect(played.map((p) => p.holderSeen)).toEqual(played.map(() => sessionOf(round)));
          const record = await lockHolder();
          expect(record?.session_id, `round ${round}`).toBe(sessionOf(round));
          expect(record!.acquired_at, `round ${round}: written by this round's calls`).toBeGreaterThanOrEqual(openedAt);
        },
      );
      expect(replay(arena)).toEqual({ enters: ROUNDS * CONTENDERS, overlaps: [] });
    },
    RACE_TIMEOUT_MS,
  );

  it(
    "a holder's stop racing ten takers never leaves two holders nor deletes the new lock",
    async () => {
      const arena = makeArena();
      const holderOf = (round: number) => `holder-r${round}`;
      const fresh = (round: number) => round % 2 === 0;
      let freshWins = 0;
      await race(
        arena,
        rounds((r) => [{ session: holderOf(r), steps: ["stop"], heldAtStart: fresh(r) }, ...takers("taker-", r)]),
        (round) => writeLock(holderOf(round), fresh(round) ? Date.now() : Date.now() - HOUR_MS),
        async (round, played) => {
          const won = winners(played);
          const record = await lockHolder();
          if (fresh(round)) {
            expect(won.length, `round ${round}: at most one taker after the release`).toBeLessThanOrEqual(1);
            freshWins += won.length;
          } else {
            expect(won, `round ${round}: a stale lock always goes to exactly one taker`).toHaveLength(1);
          }
          expect(record?.session_id ?? null, `round ${round}`).toBe(won[0] ?? null);
          for (const p of played.filter((q) => q.entered)) expect(p.holderSeen, `round ${round}`).toBe(p.session);
        },
      );
      const { overlaps: found, enters } = replay(arena);
      expect(found).toEqual([]);
      expect(enters).toBe(ROUNDS / 2 + ROUNDS / 2 + freshWins);
    },
    RACE_TIMEOUT_MS,
  );

  it(
    "a holder's refresh never overwrites a lock a taker just took",
    async () => {
      const arena = makeArena();
      const holderOf = (round: number) => `holder-r${round}`;
      let openedAt = 0;
      await race(
        arena,
        rounds((r) => [{ session: holderOf(r), steps: ["posttooluse", "pretooluse"] }, ...takers("taker-", r)]),
        async (round) => {
          await writeLock(holderOf(round), Date.now() - HOUR_MS);
          openedAt = Date.now();
        },
        async (round, played) => {
          const won = winners(played);
          expect(won, `round ${round}: exactly one of the holder and the takers`).toHaveLength(1);
          const record = await lockHolder();
          expect(record?.session_id, `round ${round}: the lock is the winner's`).toBe(won[0]);
          if (won[0] === holderOf(round)) {
            expect(record!.acquired_at, `round ${round}: the holder's record was renewed`).toBeGreaterThanOrEqual(openedAt);
          }
          for (const p of played.filter((q) => q.entered)) expect(p.holderSeen, `round ${round}`).toBe(p.session);
        },
      );
      expect(replay(arena)).toEqual({ enters: ROUNDS, overlaps: [] });
    },
    RACE_TIMEOUT_MS,
  );
});

describe("the Redis race suite's log replay", () => {
  it("flags two sessions inside at once and accepts one session's overlapping calls", () => {
    expect(overlaps("enter a 0\nenter b 0\nexit a 0\nexit b 0\n")).toEqual(["line 2: b entered in round 0 while a inside"]);
    expect(overlaps("enter a 0\nenter a 0\nexit a 0\nexit a 0\nenter b 1\nexit b 1\n")).toEqual([]);
    expect(overlaps("enter a 0\n")).toEqual(["a never exited"]);
  });
});

async function scan(redis: Redis, pattern: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = "0";
  do {
    const [next, batch] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 100);
    found.push(...batch);
    cursor = next;
  } while (cursor !== "0");
  return found;
}
