// `status`: what the lock store says, judged the way the hook judges it, as a table for people
// or as stable JSON for scripts. Reading never changes anything.

import { StoreError, UserError, WorkspaceError } from "../errors.js";
import { resolveWorkspace } from "../host/workspace.js";
import { judge, type Judgement, type LockState } from "../lock/decide.js";
import type { Snapshot } from "../lock/port.js";
import { liveWork, type WorkItem } from "../lock/record.js";
import { duration, operator as M, printable, sessionAndPid, shortId } from "../messages.js";
import type { CommandDeps, CommandResult } from "./deps.js";
import { openOperatorStore, operatorStoreChoice, storeName } from "./store.js";
import { type Paint, plain, type Style } from "./style.js";

/** One lock, as `status --json` prints it. Field names are part of the contract. */
export interface StatusEntry {
  workspace: string | null;
  hash: string;
  path: string;
  session_id: string | null;
  pid: number | null;
  acquired_at: number | null;
  ttl_ms: number | null;
  age_ms: number | null;
  state: LockState;
  /** The holder as a person knows it (null for a corrupt lock); what this machine can tell. */
  holder: HolderInfo | null;
}

/** What is known of a lock's holder beyond its record's five fields. */
export interface HolderInfo {
  /** claude, codex, gemini, cursor, copilot. */
  agent: string;
  /** The session's name in Claude Code (/rename, or derived from its start directory). */
  name: string | null;
  /** Its tmux pane, or its terminal device. */
  terminal: string | null;
  started_in: string | null;
  /** Claude Code's own word for what the session does: busy, waiting, shell, idle; null when unknown. */
  status: string | null;
  /** Background work the lock is kept for. */
  work: WorkItem[];
}



export interface LockView {
  entry: StatusEntry;
  judgement: Judgement;
}

export interface StatusOptions {
  all?: boolean;
  json?: boolean;
  /** `--store URL`: wins over CLAUDE_SESSION_GUARD_STORE. */
  store?: string;
}

export function viewOf(key: string, path: string, snapshot: Snapshot, now: number, deps: Pick<CommandDeps, "probe" | "holderFacts">): LockView | null {
  if (snapshot.observed.kind === "absent") return null;
  const judgement = judge(snapshot.observed, now, deps.probe);
  const record = judgement.state === "corrupt" ? null : judgement.record;
  const facts = record === null || judgement.state !== "held" ? null : (deps.holderFacts?.(record) ?? null);
  return {
    judgement,
    entry: {
      workspace: typeof record?.workspace === "string" ? record.workspace : null,
      hash: key,
      path,
      session_id: record?.session_id ?? null,
      pid: record?.pid ?? null,
      acquired_at: record?.acquired_at ?? null,
      ttl_ms: record?.ttl_ms ?? null,
      age_ms: record ? now - record.acquired_at : null,
      state: judgement.state,
      holder:
        record === null
          ? null
          : {
              agent: typeof record.agent === "string" ? record.agent : "claude",
              name: facts?.name ?? null,
              terminal: facts?.tmux ?? facts?.tty ?? null,
              started_in: facts?.cwd ?? null,
              status: facts?.status ?? null,
              work: liveWork(record, now),
            },
    },
  };
}

/** A store failure as an operator error; a lock path that is not a file says what to remove. */
export function storeProblem(error: unknown, path?: string): never {
  if (error instanceof StoreError) {
    if (error.code === "ENOTFILE" && path !== undefined) throw new UserError(M.lockNotAFile(path), 1, error.code);
    throw new UserError(error.message, 1, error.code);
  }
  if (error instanceof WorkspaceError) throw new UserError(error.message, 1, error.code);
  throw error;
}

export async function statusCommand(options: StatusOptions, deps: CommandDeps): Promise<CommandResult> {
  const choice = operatorStoreChoice(deps.env, options.store);
  const store = await openOperatorStore(deps, choice);
  try {
    const now = deps.clock.now();
    if (options.all) {
      let views: LockView[];
      try {
        views = (await store.list()).flatMap((lock) => viewOf(lock.key, lock.location, lock.snapshot, now, deps) ?? []);
      } catch (error) {
        storeProblem(error);
      }
      if (options.json) return json(views.map((v) => v.entry));
      if (views.length === 0) return { exitCode: 0, stdout: `${M.noLocks(storeName(choice))}\n` };
      return { exitCode: 0, stdout: table(views, now, undefined, deps.paint) };
    }

    let workspace;
    try {
      workspace = resolveWorkspace(deps.env, deps.cwd);
    } catch (error) {
      storeProblem(error);
    }
    const path = store.location(workspace.key);
    let snapshot: Snapshot;
    try {
      snapshot = await store.read(workspace.key);
    } catch (error) {
      storeProblem(error, path);
    }
    const view = viewOf(workspace.key, path, snapshot, now, deps);
    if (options.json) return json(view ? [view.entry] : []);
    if (view === null) return { exitCode: 0, stdout: `${M.noLockHere(workspace.path)}\n` };
    return { exitCode: 0, stdout: table([view], now, workspace.path, deps.paint) };
  } finally {
    await store.close();
  }
}

function json(entries: StatusEntry[]): CommandResult {
  return { exitCode: 0, stdout: `${JSON.stringify(entries, null, 2)}\n` };
}

const HEADERS = ["WORKSPACE", "HOLDER", "PID", "AGE", "LEFT", "STATE", "DOING"] as const;

/** An aligned table, no box drawing, so it pastes cleanly into an issue; colour only on a terminal. */
export function table(views: LockView[], now: number, knownWorkspace?: string, paint: Paint = plain): string {
  const rows = views.map(({ entry, judgement }) => [
    entry.workspace ?? knownWorkspace ?? M.unrecordedWorkspace(entry.hash),
    entry.session_id === null ? "-" : M.holderCell(shortId(entry.session_id), entry.holder?.agent ?? "claude", entry.holder?.name ?? null),
    entry.pid === null ? "-" : String(entry.pid),
    entry.age_ms === null ? "-" : duration(entry.age_ms),
    judgement.state === "held" ? duration(judgement.expiresAt - now) : judgement.state === "stale" ? M.expired : "-",
    judgement.state === "corrupt" ? M.corruptState(judgement.reason) : judgement.state,
    judgement.state === "held" ? doing(entry.holder, now) : "",
  ]);
  const STATE = HEADERS.indexOf("STATE");
  const styles = views.map(({ judgement }) => HEADERS.map((_, i) => (i === STATE ? STATE_STYLE[judgement.state] : null)));
  return formatTable([...HEADERS], rows, paint, styles);
}

const STATE_STYLE: Record<LockState, Style> = { held: "good", stale: "warn", dead: "warn", corrupt: "bad" };

/**
 * Columns padded to their widest cell, then painted: padding counts the visible text only.
 * `styles[row][column]` colours one cell; the header row is strong.
 */
export function formatTable(headers: string[], table: string[][], paint: Paint = plain, styles: Array<Array<Style | null>> = []): string {
  // One value per cell, one row per line: a newline or escape sequence inside a value is shown, not obeyed.
  const rows = table.map((row) => row.map(printable));
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[], style: (i: number) => Style | null) =>
    cells
      .map((cell, i) => {
        const padded = i === cells.length - 1 ? cell : cell.padEnd(widths[i]!);
        const chosen = style(i);
        return chosen === null ? padded : paint(chosen, cell) + padded.slice(cell.length);
      })
      .join("  ")
      .trimEnd();
  return `${[line(headers, () => "strong"), ...rows.map((row, r) => line(row, (i) => styles[r]?.[i] ?? null))].join("\n")}\n`;
}

/** What a holder is doing, in a few words: Claude Code's status, and the background work that keeps the lock. */
function doing(holder: HolderInfo | null, now: number): string {
  const work = (holder?.work ?? []).map((w) => M.workCell(w.type, w.description ?? w.command ?? null, w.until - now));
  return [M.statusWord(holder?.status ?? null), ...work].filter((part) => part !== "").join("; ");
}

/** `session 8a22b5eb (pid 23671)`, with `?` for what a corrupt record does not say. */
export function holderName(entry: StatusEntry): string {
  return sessionAndPid(entry.session_id ?? "?", entry.pid ?? "?");
}

/** The workspace a lock belongs to, for a sentence: recorded, known to the caller, or where the lock lives. */
export function workspaceName(entry: StatusEntry, known: string | null): string {
  return entry.workspace ?? known ?? M.workspaceNotRecorded(M.lockAt(entry.path));
}
