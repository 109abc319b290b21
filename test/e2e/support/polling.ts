// What the e2e tests read of the guard's lock files while Claude Code runs, and the one way they
// wait for something to become true.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { lockHash, type Sandbox } from "./session.mjs";

/** The fields of a lock record the tests look at. */
export interface LockFile {
  session_id: string;
  acquired_at: number;
  ttl_ms: number;
  work?: Array<{ type: string; id: string; description?: string }>;
}

/** The lock of `workspace` in the sandbox, or null when there is none (or it is being replaced). */
export function lockOf(box: Sandbox, workspace: string): LockFile | null {
  const path = join(box.runtimeDir, `session-lock-${lockHash(workspace)}.json`);
  try {
    return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
  } catch {
    return null;
  }
}

/** The lock of `workspace` once it is kept for background work (of `type`), else null. */
export function keptFor(box: Sandbox, workspace: string, type?: string): LockFile | null {
  const lock = lockOf(box, workspace);
  return lock?.work?.some((w) => type === undefined || w.type === type) ? lock : null;
}

/** The first truthy value `probe` returns, looked for every 100 ms; fails after `timeoutMs`. */
export async function until<T>(what: string, probe: () => T | null | undefined | false, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}
