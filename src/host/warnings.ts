// Which fail-open warnings a session has already been shown. A broken store fails every call of
// every session open; repeating the same four-line warning on each of them buries the one that
// matters. So a session sees a problem once, again when the problem changes, and again after an
// hour of it; the decisions log still gets every call. Kept beside the log (not in the runtime
// directory, which may itself be the problem), one small file per session.

import * as nodeFs from "node:fs";
import { join } from "node:path";
import { md5Hex } from "../lock/md5.js";

/** How long the same problem stays quiet for a session once shown. */
export const REPEAT_AFTER_MS = 3_600_000;
/** Files of sessions that never came back are swept when a new warning is recorded. */
export const FORGET_AFTER_MS = 86_400_000;

export interface Shown {
  problem: string;
  at: number;
}

/** Whether to show `problem` now, given what this session was last shown. Pure. */
export function shouldShow(last: Shown | null, problem: string, now: number): boolean {
  return last === null || last.problem !== problem || now - last.at >= REPEAT_AFTER_MS || now < last.at;
}

export type WarningsFs = Pick<typeof nodeFs, "readFileSync" | "writeFileSync" | "mkdirSync" | "readdirSync" | "statSync" | "unlinkSync">;

/**
 * Decides and remembers in one step. Any trouble with the memory itself shows the warning: a
 * repeat is a nuisance, a lost warning is a hole.
 */
export function firstShowing(dir: string, session: string, problem: string, now: number, fs: WarningsFs = nodeFs): boolean {
  const path = join(dir, `warned-${md5Hex(session).slice(0, 16)}.json`);
  let last: Shown | null = null;
  try {
    const value = JSON.parse(fs.readFileSync(path, "utf8")) as Partial<Shown>;
    if (typeof value.problem === "string" && typeof value.at === "number") last = { problem: value.problem, at: value.at };
  } catch {
    // None yet, or unreadable: treat as never shown.
  }
  if (!shouldShow(last, problem, now)) return false;
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path, JSON.stringify({ problem, at: now } satisfies Shown), { mode: 0o600 });
    if (last === null) sweep(dir, now, fs);
  } catch {
    // See above: shown anyway.
  }
  return true;
}

function sweep(dir: string, now: number, fs: WarningsFs): void {
  for (const name of fs.readdirSync(dir)) {
    if (!name.startsWith("warned-")) continue;
    const path = join(dir, name);
    const mtime = fs.statSync(path, { throwIfNoEntry: false })?.mtimeMs;
    if (mtime !== undefined && now - mtime > FORGET_AFTER_MS) fs.unlinkSync(path);
  }
}
