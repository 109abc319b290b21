// `clear`: remove locks by hand. Every removal goes through the lock's one apply loop
// (lock/apply.ts): a compare-and-swap against the exact record that was read and judged, so a
// lock that another session replaced in the meantime is never removed on the strength of what its
// predecessor looked like: the loop reads again, judges again, and reports what it actually
// removed. Only the store's own lock keys are touched, so nothing outside the runtime dir (or, in
// Redis, outside the guard's lock keys) is ever deleted.

import { resolve } from "node:path";
import { ContentionError, StoreError, UserError } from "../errors.js";
import type { LogEntry } from "../host/decisionLog.js";
import { resolveWorkspace, type Workspace } from "../host/workspace.js";
import { removeIf } from "../lock/apply.js";
import { NOTICE_TTL_MS } from "../lock/fileStore.js";
import { failed, operator as M } from "../messages.js";
import type { CommandDeps, CommandResult, OperatorStore } from "./deps.js";
import { holderName, type LockView, storeProblem, viewOf, workspaceName } from "./status.js";
import { openOperatorStore, operatorStoreChoice } from "./store.js";

export interface ClearOptions {
  workspace?: string;
  stale?: boolean;
  all?: boolean;
  /** `--store URL`: wins over CLAUDE_SESSION_GUARD_STORE. */
  store?: string;
}

/** Temp and claim files older than this belong to a dead process (a live change takes < 1 ms). */
export const SWEEP_OLDER_THAN_MS = 60_000;

type Filter = (view: LockView) => boolean;

export async function clearCommand(options: ClearOptions, deps: CommandDeps): Promise<CommandResult> {
  const chosen = [options.workspace !== undefined, options.stale === true, options.all === true].filter(Boolean).length;
  if (chosen > 1) throw new UserError(M.clearOneScope, 2);
  // An unset shell variable: without this, clear would fall back to the current directory's lock.
  if (options.workspace !== undefined && options.workspace.trim() === "") throw new UserError(M.emptyWorkspace, 2);
  const store = await openOperatorStore(deps, operatorStoreChoice(deps.env, options.store));
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
  const removed = await remove(store, deps, workspace.key, () => true);
  if (removed === null) return { exitCode: 0, stdout: `${M.nothingToClear(workspace.path)}\n` };
  if (removed === FOREIGN) return { exitCode: 0, stdout: `${M.clearedForeign(store.location(workspace.key))}\n` };
  logClear(deps, removed, workspace.path);
  return { exitCode: 0, stdout: `${cleared(removed, workspace.path)}\n` };
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
  // Lost-lock notices whose session never came back: a day old with --stale, all with --all. First,
  // so the notices this clear leaves for the holders it removes are kept for them.
  for (const path of store.sweepNotices?.(sweep ? NOTICE_TTL_MS : 0) ?? []) lines.push(M.sweptLeftover(path));
  for (const lock of locks) {
    // Listed but unreadable: a file another user owns goes (nothing of ours can change it under
    // us); a directory is reported, and the rest is cleared.
    if (lock.snapshot.version === null && lock.snapshot.observed.kind === "corrupt") {
      if (store.discard?.(lock.key) === "removed") lines.push(M.clearedForeign(lock.location));
      else problems.push(failed(M.lockNotAFile(lock.location)));
      continue;
    }
    const removed = await remove(store, deps, lock.key, filter);
    if (removed === null) continue;
    if (removed === FOREIGN) {
      lines.push(M.clearedForeign(lock.location));
      continue;
    }
    logClear(deps, removed, null);
    lines.push(cleared(removed, null));
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

/** What `remove` returns for a lock file of another user's that it removed without judging it. */
const FOREIGN = Symbol("foreign");

/** Removes the lock of `key` if, as last read and judged, it passes `filter`; returns what went. */
async function remove(store: OperatorStore, deps: CommandDeps, key: string, filter: Filter): Promise<LockView | typeof FOREIGN | null> {
  const path = store.location(key);
  // The view of the snapshot the loop last judged: when it is removed, that is what went.
  const judged: { view: LockView | null } = { view: null };
  try {
    const snapshot = await removeIf(store, key, deps.clock, (read) => {
      judged.view = viewOf(key, path, read, deps.clock.now(), deps);
      return judged.view !== null && filter(judged.view);
    });
    if (snapshot === null || judged.view === null) return null;
  } catch (error) {
    if (error instanceof ContentionError) throw new UserError(M.clearBusy(path), 1, error.code);
    // Another user's file: no compare-and-swap can claim it, and none of ours can change it either.
    if (error instanceof StoreError && error.code === "EFOREIGN" && store.discard?.(key) === "removed") return FOREIGN;
    storeProblem(error, path);
  }
  await tellHolder(store, deps, key, judged.view);
  return judged.view;
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
      at: deps.clock.now(),
      reason: "cleared",
      generation: typeof generation === "number" ? generation : null,
    });
  } catch {
    // See above: the removal stands either way.
  }
}

/** What `clear` says it removed. */
function cleared(view: LockView, known: string | null): string {
  const { entry, judgement } = view;
  const where = workspaceName(entry, known);
  const age = entry.age_ms === null ? "" : M.lastActive(entry.age_ms);
  switch (judgement.state) {
    case "held":
      return M.clearedHeld(where, holderName(entry), age);
    case "stale":
      return M.clearedStale(where, holderName(entry), age);
    case "dead":
      return M.clearedDead(where, holderName(entry));
    case "corrupt":
      return M.clearedCorrupt(M.lockAt(entry.path), judgement.reason);
  }
}

function logClear(deps: CommandDeps, removed: LockView, workspace: string | null): void {
  const { entry } = removed;
  const holder =
    entry.session_id === null || entry.pid === null || entry.acquired_at === null || entry.ttl_ms === null
      ? null
      : { session_id: entry.session_id, pid: entry.pid, acquired_at: entry.acquired_at, ttl_ms: entry.ttl_ms };
  const logged: LogEntry = {
    time: new Date(deps.clock.now()).toISOString(),
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
