// One contender of the in-process race (threadEngine.ts), run in a worker thread. It calls the
// lock's own code — the apply loop over the real file store (or the Redis store) — exactly as a
// hook does, with the real clock, and plays the role the plan gives it each round. Bundled with
// esbuild by the engine, since worker threads do not run TypeScript.
//
// Shared memory (Int32Array over a SharedArrayBuffer) times the round, so every contender of a
// round starts within microseconds and nobody burns a core waiting:
//   [SETUP]   the round whose lock the main thread has arranged (+1)
//   [READY]   contenders at the start line this round
//   [GO]      the round whose start line is open (+1)
//   [DECIDED] contenders that know their decision this round
//   [GATE+i]  the round whose private gate of contender i is open (+1)
// Results go back by message once the round is over for this contender.

import { appendFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { ContentionError } from "../../../src/errors.js";
import { acquire, type Clock, refresh, release } from "../../../src/lock/apply.js";
import { type Caller, UNKNOWN_LIVENESS } from "../../../src/lock/decide.js";
import { fileStore } from "../../../src/lock/fileStore.js";
import type { LockStore } from "../../../src/lock/port.js";
import { redisStore } from "../../../src/lock/redis/redisStore.js";
import type { Played, Step, StepOutcome } from "./harness.js";
import { DECIDED, GATE, GO, READY, SETUP, type ThreadPlan } from "./threadControl.js";

const plan = workerData as ThreadPlan;
const ctl = new Int32Array(plan.control);
const clock: Clock = { now: Date.now, sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };

/** Blocks this thread until `ctl[index]` reaches `value`. */
function waitFor(index: number, value: number): void {
  for (;;) {
    const seen = Atomics.load(ctl, index);
    if (seen >= value) return;
    Atomics.wait(ctl, index, seen, 60_000);
  }
}

function bump(index: number): void {
  Atomics.add(ctl, index, 1);
  Atomics.notify(ctl, index);
}

function open(index: number, value: number): void {
  Atomics.store(ctl, index, value);
  Atomics.notify(ctl, index);
}

function log(kind: "enter" | "exit", session: string, round: number): void {
  appendFileSync(plan.log, `${kind} ${session} ${round}\n`);
}

/** A store as a hook process opens one: fresh for each call. */
function openStore(): LockStore {
  return plan.store.kind === "file" ? fileStore(plan.store.dir) : redisStore(plan.store.url);
}

async function run(step: Step, session: string): Promise<StepOutcome> {
  const store = openStore();
  const caller = (): Caller => ({ sessionId: session, pid: process.pid, now: clock.now(), ttlMs: plan.ttlMs, leaseMs: 0, stamp: {} });
  try {
    if (step === "pretooluse") {
      const outcome = await acquire(store, plan.key, caller, UNKNOWN_LIVENESS, clock);
      return { command: step, kind: outcome.kind === "deny" ? "deny" : "allow" };
    }
    if (step === "posttooluse") await refresh(store, plan.key, caller, clock);
    else await release(store, plan.key, session, clock);
    return { command: step, kind: "allow" };
  } catch (error) {
    if (error instanceof ContentionError) return { command: step, kind: "failopen", error: error.message };
    return { command: step, kind: "crash", error: String((error as Error)?.stack ?? error) };
  } finally {
    await store.close();
  }
}

async function holderNow(): Promise<string | null> {
  const store = openStore();
  try {
    const { observed } = await store.read(plan.key);
    return observed.kind === "record" ? observed.record.session_id : observed.kind === "absent" ? null : "corrupt";
  } finally {
    await store.close();
  }
}

async function playRound(round: number, contenders: number): Promise<Played> {
  const role = plan.rounds[round]![plan.id]!;
  const { session } = role;
  waitFor(SETUP, round + 1);
  if (role.heldAtStart) log("enter", session, round);
  bump(READY);
  if (role.gateOf !== undefined) {
    waitFor(GATE + role.gateOf, round + 1);
  } else {
    waitFor(GO, round + 1);
    if (role.heldAtStart) {
      // Inside until the start line opens; its own calls start only after its exit line is logged.
      log("exit", session, round);
      open(GATE + plan.id, round + 1);
    }
  }
  const outcomes: StepOutcome[] = [];
  for (const step of role.steps) outcomes.push(await run(step, session));
  const last = outcomes.at(-1)!;
  const entered = role.steps.at(-1) === "pretooluse" && last.kind === "allow";
  if (entered) log("enter", session, round);
  bump(DECIDED);
  let holderSeen: string | null | undefined;
  let releaseOutcome: StepOutcome | null = null;
  if (entered) {
    waitFor(DECIDED, contenders);
    holderSeen = await holderNow();
    log("exit", session, round);
    if (role.release) releaseOutcome = await run("stop", session);
  }
  return { id: plan.id, session, outcomes, entered, ...(entered && { holderSeen }), release: releaseOutcome };
}

async function main(): Promise<void> {
  for (let round = 0; round < plan.rounds.length; round++) {
    parentPort!.postMessage({ type: "done", round, played: await playRound(round, plan.rounds[round]!.length) });
  }
}

main().catch((error: unknown) => parentPort!.postMessage({ type: "error", error: String((error as Error)?.stack ?? error) }));
