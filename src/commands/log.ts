// `log`: the most recent decisions, so someone who was denied can see who held the workspace and
// since when, and someone whose guard failed open can see why.

import { join } from "node:path";
import { UserError } from "../errors.js";
import { LOG_FILE, type LogEntry, readDecisions } from "../host/decisionLog.js";
import { operator as M, printable, shortId } from "../messages.js";
import type { CommandDeps, CommandResult } from "./deps.js";

export const DEFAULT_LOG_LINES = 20;

export interface LogOptions {
  lines?: number;
  json?: boolean;
}

export async function logCommand(options: LogOptions, deps: Pick<CommandDeps, "logDir" | "fs">): Promise<CommandResult> {
  const n = options.lines ?? DEFAULT_LOG_LINES;
  if (!Number.isSafeInteger(n) || n < 1) throw new UserError(M.invalidCount(String(options.lines)), 2);
  const entries = readDecisions(deps.logDir, deps.fs).slice(-n);
  if (options.json) return { exitCode: 0, stdout: `${JSON.stringify(entries, null, 2)}\n` };
  if (entries.length === 0) return { exitCode: 0, stdout: `${M.noDecisions(join(deps.logDir, LOG_FILE))}\n` };
  return { exitCode: 0, stdout: `${entries.map(logLine).join("\n")}\n` };
}

/** One decision on one line: when, what, who asked, where, and who held the lock since when. */
export function logLine(entry: LogEntry): string {
  const parts = [
    typeof entry.time === "string" ? entry.time : "?",
    String(entry.outcome ?? "?").padEnd(9),
    typeof entry.session === "string" ? `session ${shortId(entry.session)}` : "session -       ",
    typeof entry.workspace === "string" ? entry.workspace : "-",
  ];
  const holder = entry.holder;
  if (holder && typeof holder.session_id === "string") {
    const since = typeof holder.acquired_at === "number" ? new Date(holder.acquired_at).toISOString() : "?";
    parts.push(M.logHolder(shortId(holder.session_id), String(holder.pid), since));
  }
  if (typeof entry.error === "string") parts.push(typeof entry.code === "string" ? `(${entry.code}: ${entry.error})` : `(${entry.error})`);
  return parts.map(printable).join("  ");
}
