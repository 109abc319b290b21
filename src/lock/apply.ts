// The one way the lock changes: read, decide (pure, decide.ts), then compare-and-swap against
// exactly what was read. A swap that finds the lock changed under it starts over from a fresh
// read, so every decision is applied only to the state it was made on. Every caller — the hook
// commands and `clear` — goes through `settle`, the single retry loop with its budget and backoff
// (and, for an acquire that may wait for a holder, its polling).

import { ContentionError } from "../errors.js";
import { input } from "../messages.js";
import {
  type AcquireDecision,
  type Caller,
  decideAcquire,
  decideRefresh,
  decideStop,
  type HolderChecks,
  type LivenessProbe,
} from "./decide.js";
import type { LockRecord, Observed, WorkItem } from "./record.js";
import type { LockStore, Snapshot, SwapResult } from "./port.js";

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** How long one caller keeps retrying under contention before it gives up. */
export const CONTENTION_BUDGET_MS = 1500;

export type AcquireOutcome = Extract<AcquireDecision, { kind: "take" }> | Extract<AcquireDecision, { kind: "deny" }>;

/** How often an acquire that waits for a held lock (`waitUntil`) looks at it again. */
export const WAIT_POLL_MS = 250;

/**
 * Takes the lock of `key` for `caller`, or says who holds it. With `waitUntil` (epoch ms), a
 * denial is not final until then: the holder's turn may end, so the lock is read again every
 * WAIT_POLL_MS and taken the moment it is free.
 */
export function acquire(
  store: LockStore,
  key: string,
  caller: () => Caller,
  probe: LivenessProbe,
  clock: Clock,
  checks: HolderChecks = {},
  waitUntil = 0,
): Promise<AcquireOutcome> {
  return settle<AcquireOutcome>(store, key, clock, (snapshot) => {
    const decision = decideAcquire(snapshot.observed, caller(), probe, checks);
    if (decision.kind === "deny") {
      const left = waitUntil - clock.now();
      return left > 0 ? { result: decision, lookAgainIn: Math.min(WAIT_POLL_MS, left) } : { result: decision };
    }
    const swap = () =>
      snapshot.version === null ? store.create(key, decision.record) : store.replace(key, snapshot.version, decision.record);
    return { swap, result: decision };
  });
}

export type RefreshOutcome = { refreshed: LockRecord } | { skipped: "absent" | "not-ours"; observed: Observed };

export function refresh(store: LockStore, key: string, caller: () => Caller, clock: Clock): Promise<RefreshOutcome> {
  return settle<RefreshOutcome>(store, key, clock, (snapshot) => {
    const decision = decideRefresh(snapshot.observed, caller());
    const version = snapshot.version;
    if (decision.kind === "skip" || version === null) {
      return { result: { skipped: decision.kind === "skip" ? decision.why : "absent", observed: snapshot.observed } };
    }
    return { swap: () => store.replace(key, version, decision.record), result: { refreshed: decision.record } };
  });
}

export type StopOutcome =
  | { released: LockRecord }
  | { kept: LockRecord }
  | { skipped: "absent" | "not-ours" | "kept"; observed: Observed };

/** Ends this session's hold on the lock of `key`, except for what `keep` says its running work needs (decideStop). */
export function finish(
  store: LockStore,
  key: string,
  caller: Pick<Caller, "sessionId" | "now">,
  keep: (record: LockRecord) => WorkItem[] | null,
  clock: Clock,
  checks: Pick<HolderChecks, "sameProcess"> = {},
): Promise<StopOutcome> {
  return settle<StopOutcome>(store, key, clock, (snapshot) => {
    const decision = decideStop(snapshot.observed, { ...caller, now: clock.now() }, keep, checks);
    const version = snapshot.version;
    if (decision.kind === "skip" || version === null) {
      return { result: { skipped: decision.kind === "skip" ? decision.why : "absent", observed: snapshot.observed } };
    }
    if (decision.kind === "remove") return { swap: () => store.remove(key, version), result: { released: decision.record } };
    return { swap: () => store.replace(key, version, decision.record), result: { kept: decision.record } };
  });
}

/** Releases the lock of `key` if it is `sessionId`'s, whatever work it had. */
export function release(store: LockStore, key: string, sessionId: string, clock: Clock): Promise<StopOutcome> {
  return finish(store, key, { sessionId, now: clock.now() }, () => [], clock);
}

/**
 * Removes the lock of `key` if, as last read, `accept` says it should go (`clear`). Returns the
 * snapshot that was removed, or null when there was nothing (left) to remove.
 */
export function removeIf(store: LockStore, key: string, clock: Clock, accept: (snapshot: Snapshot) => boolean): Promise<Snapshot | null> {
  return settle<Snapshot | null>(store, key, clock, (snapshot) => {
    const version = snapshot.version;
    if (version === null || !accept(snapshot)) return { result: null };
    return { swap: () => store.remove(key, version), result: snapshot };
  });
}

/**
 * A decision on one snapshot: its result, and the swap that applies it (none: nothing to change).
 * `lookAgainIn`: the result may change by itself (a holder finishing); read again after that long.
 */
type Step<T> = (snapshot: Snapshot) => { swap?: () => Promise<SwapResult>; result: T; lookAgainIn?: number };

/**
 * The budget bounds how long a caller keeps retrying a change that keeps losing races; it is not
 * a timeout on the call. A caller whose budget ran out (under load, or descheduled between its
 * read and its swap) still makes one last attempt from a fresh read, and returns that attempt's
 * decision: a denial needs no swap, so a live holder is always seen and respected. Only when the
 * last attempt loses a race too does the caller give up (the hook then fails open and says so).
 */
async function settle<T>(store: LockStore, key: string, clock: Clock, step: Step<T>): Promise<T> {
  let deadline = clock.now() + CONTENTION_BUDGET_MS;
  for (let attempt = 0; ; attempt++) {
    const last = clock.now() > deadline;
    const { swap, result, lookAgainIn } = step(await store.read(key));
    if (lookAgainIn !== undefined) {
      // Waiting for a holder is not contention: each look starts a fresh budget.
      await clock.sleep(lookAgainIn);
      deadline = clock.now() + CONTENTION_BUDGET_MS;
      attempt = -1;
      continue;
    }
    const outcome = swap === undefined ? "ok" : await swap();
    if (outcome === "ok") return result;
    if (last) throw new ContentionError(input.contention(CONTENTION_BUDGET_MS), "ECONTENTION");
    // "conflict" means the lock moved on: read again at once. "busy" means someone is mid-change:
    // give them a moment, with jitter so contenders do not retry in lockstep.
    if (outcome === "busy") await clock.sleep(1 + Math.random() * Math.min(2 ** attempt, 20));
  }
}
