// The lock decision, as pure functions of (what is there, who asks, when).
// No clock, no process, no I/O: the caller observes the store, asks here what to do, and makes
// the change with a compare-and-swap against what it observed.

import { corrupt } from "../messages.js";
import { boundedWork, type LockRecord, liveWork, MAX_WORK_ITEMS, type Observed, type WorkItem } from "./record.js";

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
  /** Background work this call starts (a background command, a monitor): the lock is kept for it. */
  starts?: WorkItem;
  /** The task id a finished call reports for the work it started: the item is renamed to it. */
  names?: { callId: string; taskId: string };
}

/**
 * Questions about the holder, asked only when the answer would otherwise be a denial (they read
 * files the plain paths never need). Each answers false when it cannot tell.
 */
export interface HolderChecks {
  /** The holder is the caller's own Claude Code process under an earlier session id (after /clear). */
  sameProcess?(holder: LockRecord): boolean;
  /** The holder and the caller belong to one agent team (a lead and its teammates). */
  sameTeam?(holder: LockRecord): boolean;
  /** The holder's session sits idle at its prompt, with no background work, since after it last took or refreshed the lock. */
  idle?(holder: LockRecord): boolean;
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

export type TakeReason = "free" | "own" | "process" | "team" | "stale" | "dead" | "idle" | "corrupt";

export type AcquireDecision =
  | { kind: "take"; why: TakeReason; record: LockRecord; previous: LockRecord | null }
  | { kind: "deny"; holder: LockRecord; expiresAt: number };

export function decideAcquire(observed: Observed, caller: Caller, probe: LivenessProbe, checks: HolderChecks = {}): AcquireDecision {
  if (observed.kind === "absent") return take("free", null, caller);
  if (observed.kind === "record" && observed.record.session_id === caller.sessionId) {
    return take("own", observed.record, caller);
  }
  const judged = judge(observed, caller.now, probe);
  switch (judged.state) {
    case "held":
      // The same process after /clear, or the same team, keeps working on what its own side holds.
      if (checks.sameProcess?.(judged.record)) return take("process", judged.record, caller);
      if (checks.sameTeam?.(judged.record)) return take("team", judged.record, caller);
      if (liveWork(judged.record, caller.now).length === 0 && checks.idle?.(judged.record)) return take("idle", judged.record, caller);
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

export type StopDecision =
  | { kind: "remove"; record: LockRecord }
  | { kind: "write"; record: LockRecord }
  | { kind: "skip"; why: "absent" | "not-ours" | "kept" };

/**
 * A session's turn or life ended. `keep(record)` says what running work still keeps this lock:
 * none, and the lock is released; some, and it is rewritten to last as long as that work (and to
 * say what it is); null, and it is left exactly as it is. Only the session's own lock is touched
 * (or its own process's, after /clear).
 */
export function decideStop(
  observed: Observed,
  caller: Pick<Caller, "sessionId" | "now">,
  keep: (record: LockRecord) => WorkItem[] | null,
  checks: Pick<HolderChecks, "sameProcess"> = {},
): StopDecision {
  if (observed.kind === "absent") return { kind: "skip", why: "absent" };
  if (observed.kind !== "record") return { kind: "skip", why: "not-ours" };
  const record = observed.record;
  if (record.session_id !== caller.sessionId && !checks.sameProcess?.(record)) return { kind: "skip", why: "not-ours" };
  const kept = keep(record);
  if (kept === null) return { kind: "skip", why: "kept" };
  if (kept.length === 0) return { kind: "remove", record };
  const work = kept.slice(0, MAX_WORK_ITEMS).map(boundedWork);
  const until = Math.max(...work.map((w) => w.until));
  return {
    kind: "write",
    record: { ...record, acquired_at: caller.now, ttl_ms: Math.max(1, until - caller.now), work, generation: nextGeneration(record) },
  };
}

/** Whether `sessionId` may release this lock: its own (the session ended without a word otherwise). */
export function decideRelease(observed: Observed, sessionId: string): StopDecision {
  return decideStop(observed, { sessionId, now: 0 }, () => []);
}

function take(why: TakeReason, previous: LockRecord | null, caller: Caller): AcquireDecision {
  // Work is carried only within one session (or its own process or team): a foreign lock's work is not ours to keep.
  const carries = why === "own" || why === "process" || why === "team";
  return { kind: "take", why, previous, record: stamp(carries ? previous : null, caller, previous) };
}

/**
 * A fresh record for the caller. `own` is the caller's previous record (its first-acquire time and
 * its running work survive refreshes); `previous` is whatever was there, whose generation the new
 * one exceeds. The lock lasts the TTL plus the call's lease, and never less than its work needs.
 */
function stamp(own: LockRecord | null, caller: Caller, previous: LockRecord | null = own): LockRecord {
  const work = workAfter(own, caller);
  const until = Math.max(caller.now + caller.ttlMs + caller.leaseMs, ...work.map((w) => w.until));
  return {
    schema_version: 1,
    session_id: caller.sessionId,
    pid: caller.pid,
    acquired_at: caller.now,
    ttl_ms: until - caller.now,
    ...caller.stamp,
    generation: nextGeneration(previous),
    created_at: typeof own?.created_at === "number" ? own.created_at : caller.now,
    ...(work.length > 0 && { work }),
  };
}

/** The work a record keeps after this call: what is still running, renamed and added to as the call says. */
function workAfter(own: LockRecord | null, caller: Caller): WorkItem[] {
  let work = own === null ? [] : liveWork(own, caller.now);
  if (caller.names !== undefined) {
    const { callId, taskId } = caller.names;
    work = work.map((w) => (w.id === callId ? { ...w, id: taskId } : w));
  }
  if (caller.starts !== undefined) work = [...work.filter((w) => w.id !== caller.starts!.id), caller.starts];
  return work.slice(-MAX_WORK_ITEMS).map(boundedWork);
}

function nextGeneration(previous: LockRecord | null): number {
  const g = previous?.generation;
  return typeof g === "number" && Number.isSafeInteger(g) && g >= 0 ? g + 1 : 1;
}
