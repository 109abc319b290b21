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
  [extra: string]: unknown;
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
