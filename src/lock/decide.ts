// The lock decision, as pure functions of (what is there, who asks, when).
// No clock, no process, no I/O: the caller observes the store, asks here what to do, and makes
// the change with a compare-and-swap against what it observed.

import { corrupt } from "../messages.js";
import type { LockRecord, Observed } from "./record.js";

/** Whether a holder's process still runs; "unknown" when it cannot be checked (other host, no identity). */
export type Liveness = "alive" | "dead" | "unknown";
export type LivenessProbe = (record: LockRecord) => Liveness;
export const UNKNOWN_LIVENESS: LivenessProbe = () => "unknown";

export interface Caller {
  sessionId: string;
  /** The Claude Code session process, not the hook process. */
  pid: number;
  now: number;
  ttlMs: number;
  /** Extra lease for a tool call that declared how long it may run; 0 for the plain TTL. */
  leaseMs: number;
  /** Extra fields the guard writes into its records (workspace, hostname, pid_start). */
  stamp: Partial<LockRecord>;
}

/** The state an operator sees; `held` is the only one that keeps another session out. */
export type LockState = "held" | "stale" | "dead" | "corrupt";

export type Judgement =
  | { state: "held"; record: LockRecord; expiresAt: number }
  | { state: "stale" | "dead"; record: LockRecord }
  | { state: "corrupt"; reason: string };

/**
 * The longest a record can hold a workspace, however large its `ttl_ms`: the longest time-to-live
 * the guard accepts (7 days) plus the longest lease a call can declare (a background command's 2
 * hours). The guard never writes more; a larger value (another version, another host, a hand
 * edit) is judged as if it said this, so no record holds a workspace for ever.
 */
export const MAX_RECORD_TTL_MS = 604_800_000 + 7_200_000;

/**
 * Stale: `now - acquired_at > ttl_ms` (exactly at the TTL it is still held), a provably dead
 * holder, or a record that cannot be trusted — unparseable, or stamped further in the future
 * than its own TTL (a clock that jumped, or a forged file), which would otherwise never expire.
 */
export function judge(observed: Exclude<Observed, { kind: "absent" }>, now: number, probe: LivenessProbe): Judgement {
  if (observed.kind === "corrupt") return { state: "corrupt", reason: observed.reason };
  const record = observed.record;
  const ttl = Math.min(record.ttl_ms, MAX_RECORD_TTL_MS);
  if (record.acquired_at - now > ttl) {
    return { state: "corrupt", reason: corrupt.future };
  }
  if (now - record.acquired_at > ttl) return { state: "stale", record };
  if (probe(record) === "dead") return { state: "dead", record };
  return { state: "held", record, expiresAt: record.acquired_at + ttl };
}

export type TakeReason = "free" | "own" | "stale" | "dead" | "corrupt";

export type AcquireDecision =
  | { kind: "take"; why: TakeReason; record: LockRecord; previous: LockRecord | null }
  | { kind: "deny"; holder: LockRecord; expiresAt: number };

export function decideAcquire(observed: Observed, caller: Caller, probe: LivenessProbe): AcquireDecision {
  if (observed.kind === "absent") return take("free", null, caller);
  if (observed.kind === "record" && observed.record.session_id === caller.sessionId) {
    return take("own", observed.record, caller);
  }
  const judged = judge(observed, caller.now, probe);
  switch (judged.state) {
    case "held":
      return { kind: "deny", holder: judged.record, expiresAt: judged.expiresAt };
    case "corrupt":
      return take("corrupt", null, caller);
    default:
      return take(judged.state, judged.record, caller);
  }
}

export type RefreshDecision =
  | { kind: "write"; record: LockRecord }
  | { kind: "skip"; why: "absent" | "not-ours" };

/** Refresh never creates and never steals: it only rewrites a record that is ours. */
export function decideRefresh(observed: Observed, caller: Caller): RefreshDecision {
  if (observed.kind === "absent") return { kind: "skip", why: "absent" };
  if (observed.kind !== "record" || observed.record.session_id !== caller.sessionId) {
    return { kind: "skip", why: "not-ours" };
  }
  return { kind: "write", record: stamp(observed.record, caller) };
}

export type ReleaseDecision = { kind: "remove"; record: LockRecord } | { kind: "skip"; why: "absent" | "not-ours" };

export function decideRelease(observed: Observed, sessionId: string): ReleaseDecision {
  if (observed.kind === "absent") return { kind: "skip", why: "absent" };
  if (observed.kind !== "record" || observed.record.session_id !== sessionId) {
    return { kind: "skip", why: "not-ours" };
  }
  return { kind: "remove", record: observed.record };
}

function take(why: TakeReason, previous: LockRecord | null, caller: Caller): AcquireDecision {
  return { kind: "take", why, previous, record: stamp(why === "own" ? previous : null, caller, previous) };
}

/**
 * A fresh record for the caller. `own` is the caller's previous record (its first-acquire time
 * survives refreshes); `previous` is whatever was there, whose generation the new one exceeds.
 */
function stamp(own: LockRecord | null, caller: Caller, previous: LockRecord | null = own): LockRecord {
  return {
    schema_version: 1,
    session_id: caller.sessionId,
    pid: caller.pid,
    acquired_at: caller.now,
    ttl_ms: caller.ttlMs + caller.leaseMs,
    ...caller.stamp,
    generation: nextGeneration(previous),
    created_at: typeof own?.created_at === "number" ? own.created_at : caller.now,
  };
}

function nextGeneration(previous: LockRecord | null): number {
  const g = previous?.generation;
  return typeof g === "number" && Number.isSafeInteger(g) && g >= 0 ? g + 1 : 1;
}
