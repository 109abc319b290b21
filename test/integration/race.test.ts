// Mutual exclusion under real concurrency: many processes of the built binary (bin/ -> dist/)
// fight over one workspace lock, round after round, with the shared race harness
// (support/raceHarness.ts): each contender is a long-lived worker (support/raceWorker.mjs) whose
// hook processes are held at a shared start line (support/raceBarrier.cjs) and released together,
// so the hooks hit the store within the same few milliseconds. Every allowed contender logs
// `enter`/`exit` around a critical section that lasts until the whole round has decided;
// replaying the merged log proves that no two sessions were ever inside at once, on top of
// counting the winners of each round.
//
// Assumes `npm run build` already ran (`npm test` builds first).

import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
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

/** Parallel hook calls of the holder's own session in the release and refresh races. */
const HOLDER_CALLS = 4;
/** A race takes ~6-10 s on an idle 2-core machine, but stretches with the load of whatever else runs. */
const RACE_TIMEOUT_MS = 180_000;

interface FileArena extends Arena {
  workspace: string;
  runtime: string;
  lockPath: string;
}

afterEach(cleanUp);

beforeAll(() => {
  if (!existsSync(join(root, "dist/cli.cjs"))) throw new Error("dist/cli.cjs is missing: run `npm run build` first");
});

function makeArena(): FileArena {
  const arena = makeRaceArena("csg-race-");
  const workspace = join(arena.dir, "workspace");
  const runtime = join(arena.dir, "config/runtime");
  mkdirSync(workspace);
  mkdirSync(join(arena.dir, "home"));
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  const hash = createHash("md5").update(workspace, "utf8").digest("hex").slice(0, 12);
  return { ...arena, workspace, runtime, lockPath: join(runtime, `session-lock-${hash}.json`) };
}

/** Puts the lock file in a known state before a round, as an older guard would have left it. */
function writeLock(arena: FileArena, sessionId: string, acquiredAt: number): void {
  const record = { schema_version: 1, session_id: sessionId, pid: process.pid, acquired_at: acquiredAt, ttl_ms: TTL_MS };
  const temp = `${arena.lockPath}.setup`;
  writeFileSync(temp, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  renameSync(temp, arena.lockPath);
}

function clearLock(arena: FileArena): void {
  rmSync(arena.lockPath, { force: true });
}

function lockHolder(arena: FileArena): { session_id: string; acquired_at: number } | null {
  if (!existsSync(arena.lockPath)) return null;
  return JSON.parse(readFileSync(arena.lockPath, "utf8"));
}

/** Temp and claim files (`<lock>.<…>`) left beside the lock: a finished round must leave none. */
function strays(arena: FileArena): string[] {
  const prefix = `${basename(arena.lockPath)}.`;
  return readdirSync(arena.runtime).filter((name) => name.startsWith(prefix));
}

/**
 * Plays `roles.length` rounds on the lock file. `setup(round)` runs after the previous round has
 * fully finished and before the start line opens; `check(round, played)` runs once every
 * contender of the round is done, and should check softly (`expect.soft`) so that every bad
 * round is reported, not just the first.
 */
function race(
  arena: FileArena,
  roles: Role[][],
  setup: (round: number) => void,
  check: (round: number, played: Played[]) => void,
): Promise<void> {
  return runRace(arena, roles, {
    plan: {
      lockPath: arena.lockPath,
      workspace: arena.workspace,
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: join(arena.dir, "home"),
        CLAUDE_CONFIG_DIR: join(arena.dir, "config"),
        CLAUDE_SESSION_GUARD_WORKSPACE: arena.workspace,
        // A live pid, so no record is ever judged dead: only the TTL decides staleness here.
        CLAUDE_PID: String(process.pid),
      },
    },
    setup,
    // Soft: a broken round is reported and the race goes on, so a failure shows every bad round.
    soft: true,
    invariant: (round) => {
      expect.soft(strays(arena), `round ${round}: no temp or claim file left beside the lock`).toEqual([]);
    },
    check,
    waitMs: 20_000,
  });
}

describe("the log replay", () => {
  it("flags two sessions inside at once and accepts one session's overlapping calls", () => {
    expect(overlaps("enter a 0\nenter b 0\nexit a 0\nexit b 0\n")).toEqual(["line 2: b entered in round 0 while a inside"]);
    expect(overlaps("enter a 0\nenter a 0\nexit a 0\nexit a 0\nenter b 1\nexit b 1\n")).toEqual([]);
    expect(overlaps("enter a 0\n")).toEqual(["a never exited"]);
  });
});

describe(`races between ${CONTENDERS} hook processes, ${ROUNDS} rounds each`, () => {
  it("exactly one of ten sessions wins a free lock, and its stop frees it", async () => {
    const arena = makeArena();
    const won: number[] = [];
    await race(
      arena,
      rounds((r) => takers("free-", r, { release: true })),
      () => clearLock(arena),
      (round, played) => {
        won.push(winners(played).length);
        for (const p of played.filter((q) => q.entered)) {
          expect.soft(p.holderSeen, `round ${round}: the lock is the winner's while it works`).toBe(p.session);
        }
        expect.soft(lockHolder(arena), `round ${round}: released`).toBeNull();
      },
    );
    expect(won, "sessions allowed in each round").toEqual(Array(ROUNDS).fill(1));
    expect(replay(arena)).toEqual({ enters: ROUNDS, overlaps: [] });
  }, RACE_TIMEOUT_MS);

  it("exactly one of ten sessions takes over a stale lock", async () => {
    const arena = makeArena();
    const won: number[] = [];
    await race(
      arena,
      rounds((r) => takers("taker-", r, { release: true })),
      () => writeLock(arena, "gone-session", Date.now() - HOUR_MS),
      (round, played) => {
        won.push(winners(played).length);
        for (const p of played.filter((q) => q.entered)) expect.soft(p.holderSeen, `round ${round}`).toBe(p.session);
        expect.soft(lockHolder(arena), `round ${round}: released`).toBeNull();
      },
    );
    expect(won, "sessions allowed in each round").toEqual(Array(ROUNDS).fill(1));
    expect(replay(arena)).toEqual({ enters: ROUNDS, overlaps: [] });
  }, RACE_TIMEOUT_MS);

  it("allows all ten parallel calls of one session, and the lock ends up that session's", async () => {
    const arena = makeArena();
    // The lock each round starts from: none, the session's own (fresh, then stale), another's stale.
    const starts = [
      () => clearLock(arena),
      (s: string) => writeLock(arena, s, Date.now() - 1000),
      (s: string) => writeLock(arena, s, Date.now() - HOUR_MS),
      () => writeLock(arena, "gone-session", Date.now() - HOUR_MS),
    ];
    const sessionOf = (round: number) => `parallel-r${round}`;
    const allowed: number[] = [];
    let openedAt = 0;
    await race(
      arena,
      rounds((r) => Array.from({ length: CONTENDERS }, () => ({ session: sessionOf(r), steps: ["pretooluse"] as HookCommand[] }))),
      (round) => {
        starts[round % starts.length]!(sessionOf(round));
        openedAt = Date.now();
      },
      (round, played) => {
        allowed.push(winners(played).length);
        expect.soft(played.map((p) => p.holderSeen), `round ${round}`).toEqual(played.map(() => sessionOf(round)));
        const record = lockHolder(arena);
        expect.soft(record?.session_id, `round ${round}`).toBe(sessionOf(round));
        expect.soft(record?.acquired_at, `round ${round}: written by this round's calls`).toBeGreaterThanOrEqual(openedAt);
      },
    );
    expect(allowed, "calls allowed in each round").toEqual(Array(ROUNDS).fill(CONTENDERS));
    expect(replay(arena)).toEqual({ enters: ROUNDS * CONTENDERS, overlaps: [] });
  }, RACE_TIMEOUT_MS);

  it("a holder's stop racing ten takers never leaves two holders nor deletes the new lock", async () => {
    const arena = makeArena();
    // The holder's session stops with HOLDER_CALLS hook processes at once (Stop and SessionEnd
    // both fire; each is a chance for a release to hit a lock that just changed hands).
    // Most rounds the holder's lock is stale, so its releases and ten takeovers race for the same
    // record. Every fourth round the holder is inside with a fresh lock and releases it only as
    // it leaves, so a taker may come in only after it.
    const holderOf = (round: number) => `holder-r${round}`;
    const fresh = (round: number) => round % 4 === 0;
    const won: number[] = [];
    const expected: (number | string)[] = [];
    await race(
      arena,
      rounds((r) => [
        { session: holderOf(r), steps: ["stop"], heldAtStart: fresh(r) },
        ...Array.from({ length: HOLDER_CALLS - 1 }, (): Role => ({ session: holderOf(r), steps: ["stop"], ...(fresh(r) && { gateOf: 0 }) })),
        ...takers("taker-", r),
      ]),
      (round) => writeLock(arena, holderOf(round), fresh(round) ? Date.now() : Date.now() - HOUR_MS),
      (round, played) => {
        const sessions = winners(played);
        won.push(sessions.length);
        // After a fresh holder's release a taker may or may not come in time; a stale lock always
        // goes to exactly one.
        expected.push(fresh(round) ? (sessions.length <= 1 ? sessions.length : "0 or 1") : 1);
        // Consistent end state: the one winner holds the lock, or nobody won and it is gone.
        expect.soft(lockHolder(arena)?.session_id ?? null, `round ${round}: the lock`).toBe(sessions.length === 1 ? sessions[0] : null);
        for (const p of played.filter((q) => q.entered)) expect.soft(p.holderSeen, `round ${round}`).toBe(p.session);
      },
    );
    expect(won, "takers allowed in each round").toEqual(expected);
    const holderEnters = rounds(() => []).filter((_, round) => fresh(round)).length;
    expect(replay(arena)).toEqual({ enters: holderEnters + won.reduce((a, b) => a + b, 0), overlaps: [] });
  }, RACE_TIMEOUT_MS);

  it("a holder's refresh never overwrites a lock a taker just took", async () => {
    const arena = makeArena();
    // The holder's lock is stale. HOLDER_CALLS of its tool calls end at once (posttooluse
    // refreshes) while ten takers try to take the lock over; then one of those holder processes
    // asks again with a pretooluse, allowed only if the holder's refresh won.
    const holderOf = (round: number) => `holder-r${round}`;
    const won: string[][] = [];
    let openedAt = 0;
    await race(
      arena,
      rounds((r) => [
        { session: holderOf(r), steps: ["posttooluse", "pretooluse"] },
        ...Array.from({ length: HOLDER_CALLS - 1 }, (): Role => ({ session: holderOf(r), steps: ["posttooluse"] })),
        ...takers("taker-", r),
      ]),
      (round) => {
        writeLock(arena, holderOf(round), Date.now() - HOUR_MS);
        openedAt = Date.now();
      },
      (round, played) => {
        const sessions = winners(played);
        won.push(sessions);
        const record = lockHolder(arena);
        expect.soft(sessions, `round ${round}: the lock's owner is the one allowed`).toEqual(record ? [record.session_id] : []);
        if (record?.session_id === holderOf(round)) {
          expect.soft(record.acquired_at, `round ${round}: the holder's record was renewed`).toBeGreaterThanOrEqual(openedAt);
        }
        for (const p of played.filter((q) => q.entered)) expect.soft(p.holderSeen, `round ${round}`).toBe(p.session);
      },
    );
    expect(won.map((s) => s.length), "sessions allowed in each round (the holder or one taker)").toEqual(Array(ROUNDS).fill(1));
    expect(replay(arena)).toEqual({ enters: ROUNDS, overlaps: [] });
  }, RACE_TIMEOUT_MS);
});
