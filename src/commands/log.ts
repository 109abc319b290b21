// `log`: the most recent decisions, so someone who was denied can see who held the workspace and
// since when, and someone whose guard failed open can see why.

import { join } from "node:path";
import { UserError } from "../errors.js";
import { LOG_FILE, type LogEntry, readDecisions } from "../host/decisionLog.js";
import { operator as M, printable, shortId } from "../messages.js";
import type { CommandDeps, CommandResult } from "./deps.js";
import { type Paint, plain, type Style } from "./style.js";

export const DEFAULT_LOG_LINES = 20;

export interface LogOptions {
  lines?: number;
  json?: boolean;
}

export async function logCommand(options: LogOptions, deps: Pick<CommandDeps, "logDir" | "fs" | "paint">): Promise<CommandResult> {
  const n = options.lines ?? DEFAULT_LOG_LINES;
  if (!Number.isSafeInteger(n) || n < 1) throw new UserError(M.invalidCount(String(options.lines)), 2);
  const entries = readDecisions(deps.logDir, deps.fs).slice(-n);
  if (options.json) return { exitCode: 0, stdout: `${JSON.stringify(entries, null, 2)}\n` };
  if (entries.length === 0) return { exitCode: 0, stdout: `${M.noDecisions(join(deps.logDir, LOG_FILE))}\n` };
  const toolWidth = Math.max(...entries.map((e) => printable(toolOf(e)).length));
  return { exitCode: 0, stdout: `${entries.map((e) => logLine(e, toolWidth, deps.paint)).join("\n")}\n` };
}

/** The tool a call was about; "-" for events that have none (Stop, SessionEnd, clear). */
function toolOf(entry: LogEntry): string {
  return typeof entry.tool === "string" ? entry.tool : "-";
}

/**
 * One decision on one line: when, what, who asked, with which tool, where, and who held the lock
 * since when. A disabled call resolves no workspace; it shows the directory it ran in.
 */
export function logLine(entry: LogEntry, toolWidth = 0, paint: Paint = plain): string {
  const place = typeof entry.workspace === "string" ? entry.workspace : typeof entry.cwd === "string" ? entry.cwd : "-";
  const parts = [
    typeof entry.time === "string" ? entry.time : "?",
    outcomeCell(entry.outcome, paint),
    typeof entry.session === "string" ? `session ${shortId(entry.session)}` : "session -       ",
    printable(toolOf(entry)).padEnd(toolWidth),
    place,
  ];
  const holder = entry.holder;
  if (holder && typeof holder.session_id === "string") {
    const since = typeof holder.acquired_at === "number" ? new Date(holder.acquired_at).toISOString() : "?";
    parts.push(M.logHolder(shortId(holder.session_id), String(holder.pid), since));
  }
  if (typeof entry.error === "string") parts.push(typeof entry.code === "string" ? `(${entry.code}: ${entry.error})` : `(${entry.error})`);
  // The outcome cell is ours and already painted; every other part is shown, never obeyed.
  return parts.map((part, i) => (i === 1 ? part : printable(part))).join("  ");
}

const OUTCOME_STYLE: Record<string, Style> = {
  block: "bad",
  "fail-open": "warn",
  disabled: "warn",
  lost: "warn",
  acquire: "good",
  release: "good",
  keep: "good",
  takeover: "note",
  clear: "note",
};

function outcomeCell(outcome: unknown, paint: Paint): string {
  const word = printable(String(outcome ?? "?"));
  const style = OUTCOME_STYLE[word];
  return (style === undefined ? word : paint(style, word)) + " ".repeat(Math.max(0, 9 - word.length));
}
