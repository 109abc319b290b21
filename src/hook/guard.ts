// The three lock operations: observe, decide (pure), then compare-and-swap against what was
// observed. A swap that finds the lock changed under it starts over from a fresh read, so every
// decision is applied only to the state it was made on.

import {
  type AcquireDecision,
  type Caller,
  decideAcquire,
  decideRefresh,
  decideRelease,
  type LivenessProbe,
} from "../core/decide.js";
import type { LockRecord, Observed } from "../core/record.js";
import type { LockStore, Snapshot, SwapResult } from "../store/port.js";

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** How long one hook call keeps retrying under contention before it gives up and fails open. */
export const CONTENTION_BUDGET_MS = 1500;

export class ContentionError extends Error {
  override name = "ContentionError";
  constructor() {
    super(`the lock kept changing under this hook for ${CONTENTION_BUDGET_MS} ms`);
  }
}

export type AcquireOutcome = Extract<AcquireDecision, { kind: "take" }> | Extract<AcquireDecision, { kind: "deny" }>;

export function acquire(
  store: LockStore,
  key: string,
  caller: () => Caller,
  probe: LivenessProbe,
  clock: Clock,
): Promise<AcquireOutcome> {
  return retry<AcquireOutcome>(store, key, clock, (snapshot) => {
    const decision = decideAcquire(snapshot.observed, caller(), probe);
    if (decision.kind === "deny") return { result: decision };
    const swap =
      snapshot.version === null
        ? store.create(key, decision.record)
        : store.replace(key, snapshot.version, decision.record);
    return { swap, result: decision };
  });
}

export type RefreshOutcome = { refreshed: LockRecord } | { skipped: "absent" | "not-ours"; observed: Observed };

export function refresh(store: LockStore, key: string, caller: () => Caller, clock: Clock): Promise<RefreshOutcome> {
  return retry<RefreshOutcome>(store, key, clock, (snapshot) => {
    const decision = decideRefresh(snapshot.observed, caller());
    if (decision.kind === "skip" || snapshot.version === null) {
      return { result: { skipped: decision.kind === "skip" ? decision.why : "absent", observed: snapshot.observed } };
    }
    return { swap: store.replace(key, snapshot.version, decision.record), result: { refreshed: decision.record } };
  });
}

export type ReleaseOutcome = { released: LockRecord } | { skipped: "absent" | "not-ours"; observed: Observed };

export function release(store: LockStore, key: string, sessionId: string, clock: Clock): Promise<ReleaseOutcome> {
  return retry<ReleaseOutcome>(store, key, clock, (snapshot) => {
    const decision = decideRelease(snapshot.observed, sessionId);
    if (decision.kind === "skip" || snapshot.version === null) {
      return { result: { skipped: decision.kind === "skip" ? decision.why : "absent", observed: snapshot.observed } };
    }
    return { swap: store.remove(key, snapshot.version), result: { released: decision.record } };
  });
}

type Step<T> = (snapshot: Snapshot) => { swap?: Promise<SwapResult>; result: T };

async function retry<T>(store: LockStore, key: string, clock: Clock, step: Step<T>): Promise<T> {
  const deadline = clock.now() + CONTENTION_BUDGET_MS;
  for (let attempt = 0; ; attempt++) {
    const { swap, result } = step(await store.read(key));
    const outcome = swap === undefined ? "ok" : await swap;
    if (outcome === "ok") return result;
    if (clock.now() > deadline) throw new ContentionError();
    // "conflict" means the lock moved on: read again at once. "busy" means someone is mid-change:
    // give them a moment, with jitter so contenders do not retry in lockstep.
    if (outcome === "busy") await clock.sleep(1 + Math.random() * Math.min(2 ** attempt, 20));
  }
}
