// The race harness shared by the file-store race suite (race.test.ts) and the Redis race suite
// (redisRace.test.ts). Each contender is a long-lived worker (raceWorker.mjs) whose hook
// processes are held at a shared start line (raceBarrier.cjs) and released together, so the
// hooks hit the store within the same few milliseconds. Every allowed contender logs
// `enter`/`exit` around a critical section that lasts until the whole round has decided;
// replaying the merged log proves that no two sessions were ever inside at once.
//
// What is store-specific (where the lock lives, how it is arranged and inspected) stays in the
// suites: they pass it in the plan and the per-round callbacks.

import { type ChildProcess, fork } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";

const root = join(import.meta.dirname, "../../..");
const BIN = join(root, "bin/claude-session-guard.js");
const WORKER = join(import.meta.dirname, "raceWorker.mjs");
const BARRIER = join(import.meta.dirname, "raceBarrier.cjs");

export const CONTENDERS = 10;
export const ROUNDS = 20;
export const TTL_MS = 300_000;
export const HOUR_MS = 3_600_000;

export type HookCommand = "pretooluse" | "posttooluse" | "stop";

export interface Role {
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

export interface HookOutcome {
  command: HookCommand;
  kind: "allow" | "notice" | "deny" | "failopen" | "crash" | "unexpected";
  [detail: string]: unknown;
}

export interface Played {
  id: number;
  session: string;
  outcomes: HookOutcome[];
  entered: boolean;
  /** The lock's session_id seen from inside the critical section (null: no lock). */
  holderSeen?: string | null;
  release: HookOutcome | null;
}

/** A race's scratch directory: `barrier/` for the start line, `critical.log` for the replay. */
export interface Arena {
  dir: string;
  log: string;
}

const arenas: string[] = [];
const workers: ChildProcess[] = [];

/** A fresh arena, removed by `cleanUp()`. */
export function makeArena(prefix: string): Arena {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  arenas.push(dir);
  mkdirSync(join(dir, "barrier"));
  return { dir, log: join(dir, "critical.log") };
}

/** Kills the workers still running and removes every arena; for `afterEach`. */
export function cleanUp(): void {
  for (const worker of workers.splice(0)) if (worker.exitCode === null && worker.pid !== undefined) worker.kill();
  for (const dir of arenas.splice(0)) rmSync(dir, { recursive: true, force: true });
}

async function until(condition: () => boolean, what: string, timeoutMs: number): Promise<void> {
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

export interface RaceOptions {
  /** The store's part of the worker plan: `lockPath`, `workspace`, `env`, or `redisUrl`, `lockKey`, `hosts`, `env`. */
  plan: Record<string, unknown>;
  /** Runs after the previous round has fully finished and before the start line opens. */
  setup: (round: number) => void | Promise<void>;
  /** The store's invariant after every round (checked before `check`). */
  invariant: (round: number) => void | Promise<void>;
  /** Runs once every contender of the round is done. */
  check: (round: number, played: Played[]) => void | Promise<void>;
  /** `expect.soft` for the harness's own per-round expectations (every bad round reported), else `expect`. */
  soft: boolean;
  /** How long a round may take to reach its start line, and then to finish. */
  waitMs: number;
}

/** Plays `roles.length` rounds with one forked worker per contender. */
export async function race(arena: Arena, roles: Role[][], options: RaceOptions): Promise<void> {
  const { setup, invariant, check, waitMs } = options;
  const assert = options.soft ? expect.soft : expect;
  const count = roles[0]!.length;
  const barrier = join(arena.dir, "barrier");
  const plan = { bin: BIN, barrier: BARRIER, dir: barrier, log: arena.log, rounds: roles, ...options.plan };
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
      waitMs,
    );
    writeFileSync(join(barrier, `go-${round}`), "");
    for (const worker of spawned) tell(worker, { type: "go", round });
    await until(() => healthy() && (done.get(round)?.length ?? 0) === count, `round ${round}: every contender done`, waitMs);
    const played = done.get(round)!.sort((a, b) => a.id - b.id);
    const broken = played.flatMap((p) => [...p.outcomes, ...(p.release ? [p.release] : [])]).filter((o) => !["allow", "notice", "deny"].includes(o.kind));
    assert(broken, `round ${round}: only the contract's allow, notice and deny, never a fail-open`).toEqual([]);
    await invariant(round);
    await check(round, played);
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
export function overlaps(log: string): string[] {
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

export function replay(arena: Arena): { enters: number; overlaps: string[] } {
  const log = readFileSync(arena.log, "utf8");
  return { enters: log.split("\n").filter((l) => l.startsWith("enter ")).length, overlaps: overlaps(log) };
}

export const winners = (played: Played[]) => played.filter((p) => p.entered).map((p) => p.session);
export const rounds = (make: (round: number) => Role[]): Role[][] => Array.from({ length: ROUNDS }, (_, r) => make(r));
export const takers = (prefix: string, round: number, extra: Partial<Role> = {}): Role[] =>
  Array.from({ length: CONTENDERS }, (_, i) => ({ session: `${prefix}${i}-r${round}`, steps: ["pretooluse"], ...extra }));
