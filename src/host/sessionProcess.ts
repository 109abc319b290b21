// Who the session is, as a process: the long-lived Claude Code process that runs the hook, and
// an identity for it that survives pid reuse. Linux reads /proc (no child process on the hot
// path); macOS asks ps; elsewhere the checks answer "unknown" and the lock falls back to its TTL.

import type { Liveness, LivenessProbe } from "../lock/decide.js";
import { isPositiveInteger, type LockRecord } from "../lock/record.js";

const SHELLS = new Set(["sh", "bash", "dash", "zsh", "ksh", "mksh", "ash", "fish", "tcsh", "csh", "busybox"]);

export interface ProcessHost {
  platform: NodeJS.Platform;
  ppid: number;
  readFile(path: string): string;
  /** kill(pid, 0): true alive, false no such process; EPERM counts as alive. */
  exists(pid: number): boolean;
  ps(pid: number, field: string): string | null;
  hostname(): string;
}

/**
 * CLAUDE_PID when Claude Code sets it; otherwise the nearest ancestor of the hook that is not a
 * shell (Claude Code runs hooks through `sh -c`, which some shells replace by exec).
 */
export function sessionPid(env: NodeJS.ProcessEnv, host: ProcessHost): number {
  const fromEnv = Number(env.CLAUDE_PID);
  if (env.CLAUDE_PID !== undefined && /^\d+$/.test(env.CLAUDE_PID) && isPositiveInteger(fromEnv)) return fromEnv;
  let pid = host.ppid;
  for (let hops = 0; hops < 4; hops++) {
    const info = parentAndName(pid, host);
    if (info === null || !SHELLS.has(info.name) || info.ppid <= 1) return pid;
    pid = info.ppid;
  }
  return pid;
}

function parentAndName(pid: number, host: ProcessHost): { name: string; ppid: number } | null {
  if (host.platform === "linux") {
    const stat = procStat(pid, host);
    return stat && { name: stat.name, ppid: Number(stat.fields[1]) };
  }
  const line = host.ps(pid, "ppid,comm");
  const match = line && /^\s*(\d+)\s+(.+)$/.exec(line);
  if (!match) return null;
  return { ppid: Number(match[1]), name: (match[2] ?? "").split("/").pop()!.replace(/^-/, "") };
}

/** A string that names this incarnation of `pid` (start time + boot), or null if unknowable. */
export function startIdentity(pid: number, host: ProcessHost): string | null {
  if (host.platform === "linux") {
    const stat = procStat(pid, host);
    const bootId = readQuietly("/proc/sys/kernel/random/boot_id", host);
    // Field 22 of /proc/<pid>/stat is the start time in clock ticks since boot.
    const started = stat?.fields[19];
    return stat && bootId && started ? `linux:${bootId.trim()}:${started}` : null;
  }
  if (host.platform === "darwin") {
    const started = host.ps(pid, "lstart");
    return started ? `darwin:${started}` : null;
  }
  return null;
}

/**
 * Dead means provably gone: on this host, and either no such process or a different process
 * under the same pid (its start identity differs). Anything that cannot be checked is unknown,
 * so the lock falls back to its TTL; a live holder is never reported dead.
 */
export function livenessProbe(host: ProcessHost): LivenessProbe {
  const here = host.hostname();
  return (record: LockRecord): Liveness => {
    if (record.hostname !== here) return "unknown";
    // Another boot id means a reboot since, or another machine that shares the host name (cloned
    // VMs, containers): the two cannot be told apart, and only the first makes the holder dead.
    if (!sameBoot(record, host)) return "unknown";
    if (!host.exists(record.pid) || isZombie(record.pid, host)) return "dead";
    // A running pid proves nothing without the holder's start identity: it may have been reused.
    if (typeof record.pid_start !== "string") return "unknown";
    const now = startIdentity(record.pid, host);
    if (now === null) return "unknown";
    return now === record.pid_start ? "alive" : "dead";
  };
}

/** Killed but not yet reaped by its parent (Z), or exiting (X): signalable, yet gone. */
function isZombie(pid: number, host: ProcessHost): boolean {
  if (host.platform !== "linux") return false;
  const state = procStat(pid, host)?.fields[0];
  return state === "Z" || state === "X";
}

function sameBoot(record: LockRecord, host: ProcessHost): boolean {
  const recorded = typeof record.pid_start === "string" ? /^linux:([^:]+):/.exec(record.pid_start)?.[1] : undefined;
  if (recorded === undefined) return true;
  return readQuietly("/proc/sys/kernel/random/boot_id", host)?.trim() === recorded;
}

function procStat(pid: number, host: ProcessHost): { name: string; fields: string[] } | null {
  const text = readQuietly(`/proc/${pid}/stat`, host);
  if (text === null) return null;
  // The name sits in parentheses and may itself contain spaces or parentheses.
  const open = text.indexOf("(");
  const close = text.lastIndexOf(")");
  if (open < 0 || close < open) return null;
  return { name: text.slice(open + 1, close), fields: text.slice(close + 2).split(" ") };
}

function readQuietly(path: string, host: ProcessHost): string | null {
  try {
    return host.readFile(path);
  } catch {
    return null;
  }
}
