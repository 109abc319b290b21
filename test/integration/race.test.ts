// Mutual exclusion under real concurrency: many processes of the built binary (bin/ -> dist/)
// fight over one workspace lock, round after round. Each contender is a long-lived worker
// (support/raceWorker.mjs) whose hook processes are held at a shared start line
// (support/raceBarrier.cjs) and released together, so the hooks hit the store within the same
// few milliseconds. Every allowed contender logs `enter`/`exit` around a critical section that
// lasts until the whole round has decided; replaying the merged log proves that no two sessions
// were ever inside at once, on top of counting the winners of each round.
//
// Assumes `npm run build` already ran (`npm test` builds first).

import { type ChildProcess, fork } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const BIN = join(root, "bin/claude-session-guard.js");
const WORKER = join(import.meta.dirname, "support/raceWorker.mjs");
const BARRIER = join(import.meta.dirname, "support/raceBarrier.cjs");

const CONTENDERS = 10;
const ROUNDS = 20;
/** Parallel hook calls of the holder's own session in the release and refresh races. */
const HOLDER_CALLS = 4;
/** A race takes ~6-10 s on an idle 2-core machine, but stretches with the load of whatever else runs. */
const RACE_TIMEOUT_MS = 180_000;
const TTL_MS = 300_000;
const HOUR_MS = 3_600_000;

type HookCommand = "pretooluse" | "posttooluse" | "stop";

interface Role {
  session: string;
  /** Hook commands run in order; the first fires at the start line. */
  steps: HookCommand[];
  /** Inside the critical section (holding a fresh lock) before the round starts. */
  heldAtStart?: boolean;
  /** Release with `stop` after the critical section. */
  release?: boolean;
  /** Start when that worker's private gate opens (after its exit line), not at the shared line. */
  gateOf?: number;
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
  /** The lock's session_id seen from inside the critical section (null: no lock file). */
  holderSeen?: string | null;
  release: HookOutcome | null;
}

interface Arena {
  dir: string;
  workspace: string;
  runtime: string;
  lockPath: string;
  log: string;
}

const arenas: string[] = [];
const workers: ChildProcess[] = [];

afterEach(() => {
  for (const worker of workers.splice(0)) if (worker.exitCode === null && worker.pid !== undefined) worker.kill();
  for (const dir of arenas.splice(0)) rmSync(dir, { recursive: true, force: true });
});

beforeAll(() => {
  if (!existsSync(join(root, "dist/cli.cjs"))) throw new Error("dist/cli.cjs is missing: run `npm run build` first");
});

function makeArena(): Arena {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), "csg-race-")));
  arenas.push(dir);
  const workspace = join(dir, "workspace");
  const runtime = join(dir, "config/runtime");
  mkdirSync(workspace);
  mkdirSync(join(dir, "home"));
  mkdirSync(join(dir, "barrier"));
  mkdirSync(runtime, { recursive: true, mode: 0o700 });
  const hash = createHash("md5").update(workspace, "utf8").digest("hex").slice(0, 12);
  return { dir, workspace, runtime, lockPath: join(runtime, `session-lock-${hash}.json`), log: join(dir, "critical.log") };
}

/** Puts the lock file in a known state before a round, as an older guard would have left it. */
function writeLock(arena: Arena, sessionId: string, acquiredAt: number): void {
  const record = { schema_version: 1, session_id: sessionId, pid: process.pid, acquired_at: acquiredAt, ttl_ms: TTL_MS };
  const temp = `${arena.lockPath}.setup`;
  writeFileSync(temp, `${JSON.stringify(record)}\n`, { mode: 0o600 });
  renameSync(temp, arena.lockPath);
}

function clearLock(arena: Arena): void {
  rmSync(arena.lockPath, { force: true });
}

function lockHolder(arena: Arena): { session_id: string; acquired_at: number } | null {
  if (!existsSync(arena.lockPath)) return null;
  return JSON.parse(readFileSync(arena.lockPath, "utf8"));
}

/** Temp and claim files (`<lock>.<…>`) left beside the lock: a finished round must leave none. */
function strays(arena: Arena): string[] {
  const prefix = `${basename(arena.lockPath)}.`;
  return readdirSync(arena.runtime).filter((name) => name.startsWith(prefix));
}

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** A worker that finished its last round has disconnected; it needs no further messages. */
function tell(worker: ChildProcess, message: { type: string; round: number }): void {
  if (worker.connected) worker.send(message, () => {});
}

/**
 * Plays `roles.length` rounds with one forked worker per contender. `setup(round)` runs after the
 * previous round has fully finished and before the start line opens; `check(round, played)` runs
 * once every contender of the round is done, and should check softly (`expect.soft`) so that
 * every bad round is reported, not just the first.
 */
async function race(
  arena: Arena,
  roles: Role[][],
  setup: (round: number) => void,
  check: (round: number, played: Played[]) => void,
): Promise<void> {
  const count = roles[0]!.length;
  const barrier = join(arena.dir, "barrier");
  const plan = {
    bin: BIN,
    barrier: BARRIER,
    dir: barrier,
    log: arena.log,
    lockPath: arena.lockPath,
    workspace: arena.workspace,
    rounds: roles,
    env: {
      PATH: process.env.PATH ?? "/usr/bin:/bin",
      HOME: join(arena.dir, "home"),
      CLAUDE_CONFIG_DIR: join(arena.dir, "config"),
      CLAUDE_SESSION_GUARD_WORKSPACE: arena.workspace,
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
    setup(round);
    for (const worker of spawned) tell(worker, { type: "setup", round });
    await until(
      () => healthy() && readdirSync(barrier).filter((n) => n.startsWith(`ready-${round}-`)).length === count,
      `round ${round}: every hook at the start line`,
    );
    writeFileSync(join(barrier, `go-${round}`), "");
    for (const worker of spawned) tell(worker, { type: "go", round });
    await until(() => healthy() && (done.get(round)?.length ?? 0) === count, `round ${round}: every contender done`);
    const played = done.get(round)!.sort((a, b) => a.id - b.id);
    const broken = played.flatMap((p) => [...p.outcomes, ...(p.release ? [p.release] : [])]).filter((o) => !["allow", "notice", "deny"].includes(o.kind));
    // Soft: a broken round is reported and the race goes on, so a failure shows every bad round.
    expect.soft(broken, `round ${round}: only the contract's allow, notice and deny, never a fail-open`).toEqual([]);
    expect.soft(strays(arena), `round ${round}: no temp or claim file left beside the lock`).toEqual([]);
    check(round, played);
    // Only this round's files: the next round's hooks may already be waiting at their line.
    for (const name of readdirSync(barrier)) if (name.split("-")[1] === String(round)) rmSync(join(barrier, name));
  }
  await Promise.all(spawned.map((w) => new Promise((resolve) => (w.exitCode !== null ? resolve(null) : w.once("exit", resolve)))));
  healthy();
}

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

const winners = (played: Played[]) => played.filter((p) => p.entered).map((p) => p.session);
const rounds = (make: (round: number) => Role[]): Role[][] => Array.from({ length: ROUNDS }, (_, r) => make(r));
const takers = (prefix: string, round: number, extra: Partial<Role> = {}): Role[] =>
  Array.from({ length: CONTENDERS }, (_, i) => ({ session: `${prefix}${i}-r${round}`, steps: ["pretooluse"], ...extra }));

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
