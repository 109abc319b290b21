// Every sentence a user or Claude reads, in one place, so tests can assert exact text.

import { type LockRecord, shortSessionId } from "./core/record.js";

export const PREFIX = "claude-session-guard:";

export function clearCommand(workspace: string): string {
  return `claude-session-guard clear --workspace ${shellQuote(workspace)}`;
}

export function holderLine(holder: LockRecord, now: number, expiresAt: number): string {
  return (
    `session ${shortSessionId(holder.session_id)} (pid ${holder.pid}), ` +
    `last active ${duration(now - holder.acquired_at)} ago, lock expires in ${duration(expiresAt - now)}`
  );
}

export function denyReason(tool: string | null, workspace: string, holder: LockRecord, now: number, expiresAt: number): string {
  return [
    `${PREFIX} another Claude Code session is working in this workspace, so this ${tool ?? "tool"} call was not run.`,
    `Workspace: ${workspace}`,
    `Held by: ${holderLine(holder, now, expiresAt)} (it renews while that session works).`,
    "Do not work around the lock with another tool or command: the other session's changes would collide with yours.",
    "Wait for that session to finish its turn, or do this work in a separate git worktree (git worktree add).",
    `If that session is gone, clear the lock: ${clearCommand(workspace)}`,
  ].join("\n");
}

export function failOpenNotice(problem: string): string {
  return `${PREFIX} not guarding this workspace: ${problem}. Other sessions are not kept out until this is fixed; run \`claude-session-guard doctor\`.`;
}

export function failOpenStderr(problem: string): string {
  return `${PREFIX} ${problem} (allowing the tool call)`;
}

export function usageHint(problem: string): string {
  return `${PREFIX} ${problem}. Run \`claude-session-guard --help\` for usage.`;
}

export function invalidTtl(source: string, value: string): string {
  return `${source} must be a whole number of milliseconds from 1000 to 604800000, got "${value}"`;
}

/** 0s, 42s, 4m18s, 2h05m: short, and exact enough for a person deciding whether to wait. */
export function duration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes}m${String(seconds % 60).padStart(2, "0")}s`;
  return `${Math.floor(minutes / 60)}h${String(minutes % 60).padStart(2, "0")}m`;
}

export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

function lostHow(by: string, at: string, reason: "stale" | "cleared"): string {
  return reason === "cleared" ? `${by} cleared it at ${at}` : `it lapsed and ${by} took over at ${at}`;
}

export function lostNoticeForUser(workspace: string, by: string, at: string, reason: "stale" | "cleared"): string {
  return `${PREFIX} this session lost its lock on ${workspace} while it was away: ${lostHow(by, at, reason)}. Files may have changed since this session last worked there; Claude has been told to re-read before editing.`;
}

export function lostNoticeForClaude(workspace: string, by: string, at: string, reason: "stale" | "cleared"): string {
  return (
    `While this session was away, it lost its lock on the workspace ${workspace}: ${lostHow(by, at, reason)}. ` +
    "Another session may have changed, added or deleted files and switched branches since your last turn. " +
    "Before editing, re-read every file you intend to change and re-check `git status`; do not rely on what you read earlier."
  );
}

export function sessionStartForUser(workspace: string, holder: string): string {
  return `${PREFIX} another Claude Code session is working in this workspace (${workspace}): ${holder}. This session's edits and file-changing commands will be denied until it finishes; a separate git worktree avoids the wait.`;
}

export function sessionStartForClaude(workspace: string, holder: string): string {
  return (
    `Another Claude Code session currently holds the lock on this workspace (${workspace}): ${holder}. ` +
    "Until it finishes, Edit, Write, MultiEdit, NotebookEdit and Bash commands that can change files will be denied; read-only commands still work. " +
    "Do not try to work around the lock. Tell the user, and wait, or suggest working in a separate git worktree."
  );
}

export function otherSession(sessionId: string, pid: number): string {
  return `another Claude Code session (session ${shortSessionId(sessionId)}, pid ${pid})`;
}
