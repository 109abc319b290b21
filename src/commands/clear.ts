// `clear`: remove locks by hand. Every removal is the store's compare-and-swap against the exact
// record that was read and judged, so a lock that another session replaced in the meantime is
// never removed on the strength of what its predecessor looked like: the command reads again,
// judges again, and reports what it actually removed. Only the store's own lock keys are
// touched, so nothing outside the runtime dir (or, in Redis, outside the guard's lock keys) is
// ever deleted.

import { resolve } from "node:path";
import { resolveWorkspace, type Workspace } from "../host/workspace.js";
import type { LogEntry } from "../host/decisionLog.js";
import type { CommandDeps, CommandResult, OperatorStore } from "./deps.js";
import { UserError } from "./errors.js";
import { M } from "./messages.js";
import { type LockView, storeProblem, viewOf } from "./status.js";
import { openOperatorStore } from "./store.js";

export interface ClearOptions {
  workspace?: string;
  stale?: boolean;
  all?: boolean;
  /** `--store URL`: wins over CLAUDE_SESSION_GUARD_STORE. */
  store?: string;
}

/** How long `clear` waits for a hook that is in the middle of changing the same lock. */
export const CLEAR_BUSY_BUDGET_MS = 3000;
/** Temp and claim files older than this belong to a dead process (a live change takes < 1 ms). */
export const SWEEP_OLDER_THAN_MS = 60_000;

type Filter = (view: LockView) => boolean;

export async function clearCommand(options: ClearOptions, deps: CommandDeps): Promise<CommandResult> {
  const chosen = [options.workspace !== undefined, options.stale === true, options.all === true].filter(Boolean).length;
  if (chosen > 1) throw new UserError(M.clearOneScope, 2);
  const store = await openOperatorStore(deps, options.store);
  try {
    if (options.stale || options.all) return await clearMany(store, deps, options.all ? () => true : (v) => v.judgement.state !== "held", options.stale === true);
    return await clearOne(store, deps, options.workspace);
  } finally {
    await store.close();
  }
}

async function clearOne(store: OperatorStore, deps: CommandDeps, given: string | undefined): Promise<CommandResult> {
  let workspace: Workspace;
  try {
    workspace = await workspaceToClear(store, deps, given);
  } catch (error) {
    storeProblem(error);
  }
  const removed = await removeWhile(store, deps, workspace.key, () => true);
  if (removed === null) return { exitCode: 0, stdout: `${M.nothingToClear(workspace.path)}\n` };
  logClear(deps, removed, workspace.path);
  return { exitCode: 0, stdout: `${M.cleared(removed, workspace.path, deps.now())}\n` };
}

/**
 * The workspace a path names. The deny message prints the exact workspace path, so that is tried
 * first (it may be a directory that no longer exists, or one named by
 * CLAUDE_SESSION_GUARD_WORKSPACE); otherwise the path is resolved as a hook would resolve it.
 */
async function workspaceToClear(store: OperatorStore, deps: CommandDeps, given: string | undefined): Promise<Workspace> {
  const env = { ...deps.env };
  if (given === undefined) return resolveWorkspace(env, deps.cwd);
  delete env.CLAUDE_SESSION_GUARD_WORKSPACE;
  delete env.CLAUDE_PROJECT_DIR;
  const absolute = resolve(deps.cwd, given);
  const exact = resolveWorkspace({ ...env, CLAUDE_SESSION_GUARD_WORKSPACE: absolute }, deps.cwd);
  if ((await readQuietly(store, exact.key)) !== "absent") return exact;
  try {
    return resolveWorkspace(env, absolute);
  } catch {
    return exact;
  }
}

async function readQuietly(store: OperatorStore, key: string): Promise<"absent" | "present"> {
  try {
    return (await store.read(key)).observed.kind === "absent" ? "absent" : "present";
  } catch {
    return "present";
  }
}

async function clearMany(store: OperatorStore, deps: CommandDeps, filter: Filter, sweep: boolean): Promise<CommandResult> {
  let locks;
  try {
    locks = await store.list();
  } catch (error) {
    storeProblem(error);
  }
  const lines: string[] = [];
  const problems: string[] = [];
  for (const lock of locks) {
    // Listed but unreadable (a directory at a lock's name): report it, clear the rest.
    if (lock.snapshot.version === null && lock.snapshot.observed.kind === "corrupt") {
      problems.push(M.failed(M.lockNotAFile(lock.location)));
      continue;
    }
    const removed = await removeWhile(store, deps, lock.key, filter);
    if (removed === null) continue;
    logClear(deps, removed, null);
    lines.push(M.cleared(removed, null, deps.now()));
  }
  if (sweep && store.sweep) {
    for (const path of store.sweep(SWEEP_OLDER_THAN_MS)) lines.push(M.sweptLeftover(path));
  }
  const stderr = problems.length > 0 ? `${problems.join("\n")}\n` : undefined;
  const exitCode = problems.length > 0 ? 1 : 0;
  if (lines.length === 0 && stderr !== undefined) return { exitCode, stdout: "", stderr };
  if (lines.length === 0) return { exitCode, stdout: `${sweep ? M.nothingStale : M.nothingAtAll}\n` };
  return { exitCode, stdout: `${lines.join("\n")}\n`, ...(stderr !== undefined && { stderr }) };
}

/**
 * Removes the lock of `key` if, as last read, it passes `filter`. A conflict means the lock
 * changed after the read: read it again and decide again. Busy means a hook is mid-change:
 * wait briefly. Returns what was removed, or null when there was nothing (left) to remove.
 */
async function removeWhile(store: OperatorStore, deps: CommandDeps, key: string, filter: Filter): Promise<LockView | null> {
  const deadline = deps.now() + CLEAR_BUSY_BUDGET_MS;
  const path = store.location(key);
  for (;;) {
    let view: LockView | null;
    let version;
    try {
      const snapshot = await store.read(key);
      view = viewOf(key, path, snapshot, deps.now(), deps);
      version = snapshot.version;
    } catch (error) {
      storeProblem(error, path);
    }
    if (view === null || version === null || !filter(view)) return null;
    let outcome;
    try {
      outcome = await store.remove(key, version);
    } catch (error) {
      storeProblem(error, path);
    }
    if (outcome === "ok") {
      await tellHolder(store, deps, key, view);
      return view;
    }
    if (deps.now() > deadline) throw new UserError(M.clearBusy(path));
    if (outcome === "busy") await deps.sleep(20);
  }
}

/**
 * A holder that may come back (live, or only lapsed) learns on its next call that its lock was
 * cleared, so Claude re-reads before editing. Best effort: the lock is already gone, and a
 * notice that cannot be left must not turn a done clear into a failure.
 */
async function tellHolder(store: OperatorStore, deps: CommandDeps, key: string, removed: LockView): Promise<void> {
  const { judgement } = removed;
  if (judgement.state !== "held" && judgement.state !== "stale") return;
  const generation = judgement.record.generation;
  try {
    await store.putNotice(key, judgement.record.session_id, {
      by: null,
      at: deps.now(),
      reason: "cleared",
      generation: typeof generation === "number" ? generation : null,
    });
  } catch {
    // See above: the removal stands either way.
  }
}

function logClear(deps: CommandDeps, removed: LockView, workspace: string | null): void {
  const { entry } = removed;
  const holder =
    entry.session_id === null || entry.pid === null || entry.acquired_at === null || entry.ttl_ms === null
      ? null
      : { session_id: entry.session_id, pid: entry.pid, acquired_at: entry.acquired_at, ttl_ms: entry.ttl_ms };
  const logged: LogEntry = {
    time: new Date(deps.now()).toISOString(),
    event: "clear",
    outcome: "clear",
    session: null,
    workspace: entry.workspace ?? workspace,
    holder,
    state: entry.state,
    hash: entry.hash,
  };
  deps.log(logged);
}
