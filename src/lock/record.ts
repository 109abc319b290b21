// The lock record, schema_version 1. Files written by the original guard carry only the
// five required fields, so every extra field is optional for readers.

import { corrupt } from "../messages.js";

export const SCHEMA_VERSION = 1;
export const DEFAULT_TTL_MS = 300_000;

export interface LockRecord {
  schema_version: number;
  session_id: string;
  pid: number;
  /** Epoch ms of the last acquire or refresh. */
  acquired_at: number;
  ttl_ms: number;
  /** The resolved workspace path (absent in minimal five-field records). */
  workspace?: string;
  hostname?: string;
  /** Start identity of `pid` (boot id + start time), so a reused pid is not mistaken for the holder. */
  pid_start?: string;
  /** Fencing token: grows by one with every acquire and refresh of this workspace. */
  generation?: number;
  /** Epoch ms when this session first took the lock (kept across refreshes). */
  created_at?: number;
  /** Background work the lock is kept for after its session's turn ended (a command, an agent). */
  work?: WorkItem[];
  /** The agent that holds the lock, when it is not Claude Code (codex, gemini, cursor, copilot). */
  agent?: string;
  [extra: string]: unknown;
}

/**
 * One piece of running work a lock is kept for: a background command or monitor (until its own
 * deadline), an agent or teammate (refreshed while it works). `until` is when it stops keeping
 * the lock, whatever else happens.
 */
export interface WorkItem {
  /** Claude Code's task type: shell, monitor, subagent, workflow, teammate, … */
  type: string;
  /** The background task id (or, until it is known, the id of the call that started it). */
  id: string;
  description?: string;
  command?: string;
  /** Epoch ms the work started (or was first seen running). */
  since: number;
  /** Epoch ms until which it keeps the lock. */
  until: number;
}

/** Bounds on what a record carries, so every record stays far below what a reader accepts. */
export const MAX_WORK_ITEMS = 16;
export const MAX_WORK_TEXT = 200;

/** The work items of a record that are well formed and still keep the lock at `now`. */
export function liveWork(record: LockRecord, now: number): WorkItem[] {
  if (!Array.isArray(record.work)) return [];
  return record.work.filter(
    (w): w is WorkItem =>
      typeof w === "object" && w !== null && typeof w.type === "string" && typeof w.id === "string" && typeof w.until === "number" && typeof w.since === "number" && w.until > now,
  );
}

/** A work item cut down to the bounds above. */
export function boundedWork(item: WorkItem): WorkItem {
  const text = (value: string | undefined) => (value === undefined ? undefined : value.length > MAX_WORK_TEXT ? `${value.slice(0, MAX_WORK_TEXT - 1)}…` : value);
  const description = text(item.description);
  const command = text(item.command);
  return { type: text(item.type)!, id: text(item.id)!, ...(description !== undefined && { description }), ...(command !== undefined && { command }), since: item.since, until: item.until };
}

/** What a reader found where the lock lives. Corrupt is a value, never an exception or "absent". */
export type Observed =
  | { kind: "absent" }
  | { kind: "corrupt"; reason: string }
  | { kind: "record"; record: LockRecord };

export const ABSENT: Observed = { kind: "absent" };

export function parseRecord(text: string): Observed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: "corrupt", reason: text.trim() === "" ? corrupt.empty : corrupt.notJson };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { kind: "corrupt", reason: corrupt.notObject };
  }
  const r = value as Record<string, unknown>;
  if (typeof r.session_id !== "string" || r.session_id === "") {
    return { kind: "corrupt", reason: corrupt.noSessionId };
  }
  if (!isPositiveInteger(r.pid)) return { kind: "corrupt", reason: corrupt.noPid };
  if (typeof r.acquired_at !== "number" || !Number.isFinite(r.acquired_at)) {
    return { kind: "corrupt", reason: corrupt.noAcquiredAt };
  }
  if (r.ttl_ms !== undefined && !isPositiveInteger(r.ttl_ms)) {
    return { kind: "corrupt", reason: corrupt.badTtl };
  }
  if (r.schema_version !== undefined && r.schema_version !== SCHEMA_VERSION) {
    // A newer guard's record: its meaning may differ, but its five fields still say who holds
    // the workspace. Honour them rather than treating a live lock as garbage.
    if (!isPositiveInteger(r.schema_version)) return { kind: "corrupt", reason: corrupt.badSchema };
  }
  return {
    kind: "record",
    record: {
      ...r,
      schema_version: (r.schema_version as number | undefined) ?? SCHEMA_VERSION,
      session_id: r.session_id,
      pid: r.pid,
      acquired_at: r.acquired_at,
      ttl_ms: (r.ttl_ms as number | undefined) ?? DEFAULT_TTL_MS,
    },
  };
}

export function serializeRecord(record: LockRecord): string {
  return `${JSON.stringify(record)}\n`;
}

export function isPositiveInteger(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0;
}
