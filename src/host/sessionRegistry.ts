// Claude Code's registry of live sessions, `<config dir>/sessions/<pid>.json`, and what else the
// system says about a session's process: its terminal, and the team it belongs to.
//
// The registry is Claude Code's internal format (verified with 2.1.331), written in place, not
// atomically: a reader may see a torn file. So everything here is read defensively: an entry
// that does not parse, names another process, or lacks a field is "unknown", and unknown never
// takes a lock away from anyone (the caller falls back to the TTL and the liveness check).

import { join } from "node:path";
import type { LockRecord } from "../lock/record.js";
import type { ProcessHost } from "./sessionProcess.js";

/** What the registry says of a session, as far as it is well formed. */
export interface RegistryEntry {
  /** busy (in a turn), waiting (at a prompt), shell (idle with a background shell), idle. */
  status?: string;
  statusUpdatedAt?: number;
  waitingFor?: string;
  /** The session's name (`/rename`, or derived from its start directory). */
  name?: string;
  /** The directory the session started in. */
  cwd?: string;
  /** `session:@window.%pane` when the session runs inside tmux. */
  tmux?: string;
  /** The session the process runs now (it changes on /clear). */
  sessionId?: string;
}

/**
 * The registry entry of the process that holds `record`, or null when there is none this reader
 * can trust: another host, no start identity to check against, no file, a torn or foreign file,
 * or a file of an earlier process that had the same pid.
 */
export function registryEntry(configDir: string, record: LockRecord, host: ProcessHost): RegistryEntry | null {
  if (record.hostname !== host.hostname()) return null;
  const started = typeof record.pid_start === "string" ? /^linux:[^:]+:(\d+)$/.exec(record.pid_start)?.[1] : undefined;
  if (started === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(host.readFile(join(configDir, "sessions", `${record.pid}.json`)));
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const e = value as Record<string, unknown>;
  if (e.pid !== record.pid || e.procStart !== started) return null;
  const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);
  const entry: RegistryEntry = {};
  const status = text(e.status);
  if (status !== undefined) entry.status = status;
  if (typeof e.statusUpdatedAt === "number" && Number.isFinite(e.statusUpdatedAt)) entry.statusUpdatedAt = e.statusUpdatedAt;
  for (const field of ["waitingFor", "name", "cwd", "tmux", "sessionId"] as const) {
    const v = text(e[field]);
    if (v !== undefined) entry[field] = v;
  }
  return entry;
}

/**
 * Idle: at its prompt with nothing running, since after it last took or refreshed the lock (a
 * turn that ended without a Stop: Esc, a denied permission prompt). Anything else — busy,
 * waiting, a background shell, an unknown status, an entry written before the lock's last
 * refresh — is not idle.
 */
export function isIdleSince(entry: RegistryEntry | null, since: number): boolean {
  return entry?.status === "idle" && entry.statusUpdatedAt !== undefined && entry.statusUpdatedAt > since;
}

/** The terminal a process runs in (`/dev/pts/3`), from /proc, or null. */
export function terminalOf(pid: number, host: ProcessHost): string | null {
  if (host.platform !== "linux") return null;
  let stat: string;
  try {
    stat = host.readFile(`/proc/${pid}/stat`);
  } catch {
    return null;
  }
  // Field 7, tty_nr, after the parenthesised name: major in bits 8-15, minor in 0-7 and 20-31.
  const ttyNr = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[4]);
  if (!Number.isInteger(ttyNr) || ttyNr <= 0) return null;
  const major = (ttyNr >> 8) & 0xfff;
  const minor = (ttyNr & 0xff) | ((ttyNr >> 12) & 0xfff00);
  if (major >= 136 && major <= 143) return `/dev/pts/${(major - 136) * 256 + minor}`;
  if (major === 4 && minor < 64) return `/dev/tty${minor}`;
  return null;
}

/**
 * The lead session a Claude Code process works for as an agent-team teammate in its own process
 * (tmux mode): `--parent-session-id` on its command line, or null.
 */
export function parentSessionOf(pid: number, host: ProcessHost): string | null {
  if (host.platform !== "linux") return null;
  let cmdline: string;
  try {
    cmdline = host.readFile(`/proc/${pid}/cmdline`);
  } catch {
    return null;
  }
  const args = cmdline.split("\u0000");
  const at = args.indexOf("--parent-session-id");
  const parent = at >= 0 ? args[at + 1] : undefined;
  return parent !== undefined && parent !== "" ? parent : null;
}
