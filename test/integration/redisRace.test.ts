// Mutual exclusion on the Redis store under real concurrency: ten processes of the built binary
// (bin/ -> dist/), each a "host" of its own (HOME, config dir, workspace path) sharing one
// workspace id and one real redis-server, fight over the lock round after round. The harness is
// the file race suite's (test/integration/race.test.ts), with the lock arranged and inspected in
// Redis: hooks are held at a start line and released together, every allowed contender logs
// `enter`/`exit` around a critical section that lasts until the whole round has decided, and
// replaying the merged log proves that no two sessions were ever inside at once.
//
// Assumes `npm run build` already ran (`npm test` builds first).

import { type ChildProcess, fork } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { describeRedis, type RedisServer, startRedis } from "../support/redisServer.js";

const root = join(import.meta.dirname, "../..");
const BIN = join(root, "bin/claude-session-guard.js");
const WORKER = join(import.meta.dirname, "support/redisRaceWorker.mjs");
const BARRIER = join(import.meta.dirname, "support/redisRaceBarrier.cjs");

const CONTENDERS = 10;
const ROUNDS = 20;
const TTL_MS = 300_000;
const HOUR_MS = 3_600_000;
const WORKSPACE_ID = "race/workspace";
const LOCK_KEY = `claude-session-guard:lock:${createHash("md5").update(WORKSPACE_ID, "utf8").digest("hex").slice(0, 12)}`;
/** Ten processes spawned per round on a busy CI machine: far more than the default 60 s per test. */
const RACE_TIMEOUT_MS = 300_000;

type HookCommand = "pretooluse" | "posttooluse" | "stop";

interface Role {
  session: string;
  steps: HookCommand[];
  heldAtStart?: boolean;
  release?: boolean;
}

interface HookOutcome {
  command: HookCommand;
  kind: "allow" | "notice" | "deny" | "failopen" | "crash" | "unexpected";
  [detail: string]: unknown;
}

interface Played {
  id: number;
  session: string;
  outcomes: HookOutcome[];
  entered: boolean;
  holderSeen?: string | null;
  release: HookOutcome | null;
}

interface Arena {
  dir: string;
  log: string;
}

describeRedis(`races on the Redis store between ${CONTENDERS} hook processes, ${ROUNDS} rounds each`, () => {
  let server: RedisServer;
  let redis: Redis;
  const arenas: string[] = [];
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(join(root, "dist/redis.cjs"))) throw new Error("dist/redis.cjs is missing: run `npm run build` first");
    server = await startRedis();
    redis = await server.client();
  });
  afterEach(async () => {
    for (const worker of workers.splice(0)) if (worker.exitCode === null && worker.pid !== undefined) worker.kill();
    for (const dir of arenas.splice(0)) rmSync(dir, { recursive: true, force: true });
    await redis.flushall();
  });
  afterAll(async () => {
    await server?.close();
  });

  function makeArena(): Arena {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), "csg-redis-race-")));
    arenas.push(dir);
    mkdirSync(join(dir, "barrier"));
    return { dir, log: join(dir, "critical.log") };
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

  async function until(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  }

  function tell(worker: ChildProcess, message: { type: string; round: number }): void {
    if (worker.connected) worker.send(message, () => {});
  }

  async function race(
    arena: Arena,
    roles: Role[][],
    setup: (round: number) => Promise<void>,
    check: (round: number, played: Played[]) => Promise<void>,
  ): Promise<void> {
    const count = roles[0]!.length;
    const barrier = join(arena.dir, "barrier");
    // Every contender is a host of its own: its own HOME and config dir, the workspace at its own path.
    const hosts = Array.from({ length: count }, (_, id) => {
      const home = join(arena.dir, `host-${id}`);
      const workspace = join(home, "checkout");
      mkdirSync(join(workspace, ".git"), { recursive: true });
      return { workspace, env: { HOME: home, CLAUDE_CONFIG_DIR: join(home, ".claude") } };
    });
    const plan = {
      bin: BIN,
      barrier: BARRIER,
      dir: barrier,
      log: arena.log,
      redisUrl: server.url,
      lockKey: LOCK_KEY,
      rounds: roles,
      hosts,
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        CLAUDE_SESSION_GUARD_STORE: server.url,
        CLAUDE_SESSION_GUARD_WORKSPACE_ID: WORKSPACE_ID,
        // A live pid, so no record is ever judged dead: only the TTL decides staleness here.
        CLAUDE_PID: String(process.pid),
      },
    };
    const planPath = join(arena.dir, "plan.json");
    writeFileSync(planPath, JSON.stringify(plan));

    const decided = new Map<number, number>();
    const done = new Map<number, Played[]>();
    const failures: string[] = [];
    const spawned = Array.from({ length: count }, (_, id) => {
      const worker = fork(WORKER, [planPath, String(id)], { stdio: ["ignore", "inherit", "pipe", "ipc"] });
      workers.push(worker);
      let stderr = "";
      worker.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      worker.on("message", (message: { type: string; round: number; error?: string } & Played) => {
        if (message.type === "error") failures.push(`worker ${id}: ${message.error}`);
        if (message.type === "decided") {
          decided.set(message.round, (decided.get(message.round) ?? 0) + 1);
          if (decided.get(message.round) === count) {
            for (const w of spawned) tell(w, { type: "all-decided", round: message.round });
          }
        }
        if (message.type === "done") done.set(message.round, [...(done.get(message.round) ?? []), message]);
      });
      worker.on("exit", (code) => {
        if (code !== 0) failures.push(`worker ${id} exited with ${code}: ${stderr}`);
      });
      return worker;
    });
    const healthy = () => {
      if (failures.length > 0) throw new Error(failures.join("\n"));
      return true;
    };

    for (let round = 0; round < roles.length; round++) {
      await setup(round);
      for (const worker of spawned) tell(worker, { type: "setup", round });
      await until(
        () => healthy() && readdirSync(barrier).filter((n) => n.startsWith(`ready-${round}-`)).length === count,
        `round ${round}: every hook at the start line`,
      );
      writeFileSync(join(barrier, `go-${round}`), "");
      for (const worker of spawned) tell(worker, { type: "go", round });
      await until(() => healthy() && (done.get(round)?.length ?? 0) === count, `round ${round}: every contender done`);
      const played = done.get(round)!.sort((a, b) => a.id - b.id);
      const broken = played
        .flatMap((p) => [...p.outcomes, ...(p.release ? [p.release] : [])])
        .filter((o) => !["allow", "notice", "deny"].includes(o.kind));
      expect(broken, `round ${round}: only the contract's allow, notice and deny, never a fail-open`).toEqual([]);
      const locks = await scan(redis, "claude-session-guard:lock:*");
      expect(locks.filter((k) => k !== LOCK_KEY), `round ${round}: one workspace, one key`).toEqual([]);
      await check(round, played);
    }
    await Promise.all(spawned.map((w) => new Promise((resolve) => (w.exitCode !== null ? resolve(null) : w.once("exit", resolve)))));
    healthy();
  }

  const winners = (played: Played[]) => played.filter((p) => p.entered).map((p) => p.session);
  const rounds = (make: (round: number) => Role[]): Role[][] => Array.from({ length: ROUNDS }, (_, r) => make(r));
  const takers = (prefix: string, round: number, extra: Partial<Role> = {}): Role[] =>
    Array.from({ length: CONTENDERS }, (_, i) => ({ session: `${prefix}${i}-r${round}`, steps: ["pretooluse"], ...extra }));

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

/**
 * Replays the merged enter/exit log and returns every moment two distinct sessions were inside
 * at once (one session's parallel calls may overlap each other: they are one holder).
 */
function overlaps(log: string): string[] {
  const inside = new Map<string, number>();
  const problems: string[] = [];
  log
    .split("\n")
    .filter((line) => line !== "")
    .forEach((line, index) => {
      const [kind, session, round] = line.split(" ");
      if (session === undefined || round === undefined || (kind !== "enter" && kind !== "exit")) {
        problems.push(`line ${index + 1}: malformed "${line}"`);
        return;
      }
      const depth = inside.get(session) ?? 0;
      if (kind === "enter") {
        const others = [...inside].filter(([s, n]) => s !== session && n > 0).map(([s]) => s);
        if (others.length > 0) problems.push(`line ${index + 1}: ${session} entered in round ${round} while ${others.join(", ")} inside`);
        inside.set(session, depth + 1);
      } else if (depth === 0) {
        problems.push(`line ${index + 1}: ${session} exited in round ${round} without entering`);
      } else {
        inside.set(session, depth - 1);
      }
    });
  for (const [session, depth] of inside) if (depth > 0) problems.push(`${session} never exited`);
  return problems;
}

function replay(arena: Arena): { enters: number; overlaps: string[] } {
  const log = readFileSync(arena.log, "utf8");
  return { enters: log.split("\n").filter((l) => l.startsWith("enter ")).length, overlaps: overlaps(log) };
}

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
