// The decisions log: one JSON line per decision worth knowing about later (a block, a takeover,
// an acquire of a free lock, a release, a fail-open). It serves people, never the lock: a log
// that cannot be written is skipped in silence and never breaks a hook.

import * as nodeFs from "node:fs";
import { join } from "node:path";

export const LOG_FILE = "decisions.jsonl";
export const MAX_LOG_BYTES = 1024 * 1024;

export type Outcome = "acquire" | "block" | "takeover" | "release" | "keep" | "fail-open" | "lost" | "clear" | "disabled";

export interface LogEntry {
  time: string;
  event: string;
  outcome: Outcome;
  session: string | null;
  workspace: string | null;
  /** The tool the call was about (PreToolUse and PostToolUse). */
  tool?: string;
  holder?: { session_id: string; pid: number; acquired_at: number; ttl_ms: number } | null;
  error?: string;
  [extra: string]: unknown;
}

export type LogFs = Pick<typeof nodeFs, "appendFileSync" | "mkdirSync" | "statSync" | "renameSync">;

export function appendDecision(dir: string, entry: LogEntry, fs: LogFs = nodeFs, maxBytes = MAX_LOG_BYTES): void {
  const path = join(dir, LOG_FILE);
  const line = `${JSON.stringify(entry)}\n`;
  try {
    rotateIfFull(path, maxBytes, fs);
    // O_APPEND writes of one short line land whole even with concurrent writers.
    fs.appendFileSync(path, line, { mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") return;
    try {
      fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
      fs.appendFileSync(path, line, { mode: 0o600 });
    } catch {
      // See the module comment: a broken log must never break a hook.
    }
  }
}

function rotateIfFull(path: string, maxBytes: number, fs: LogFs): void {
  const size = fs.statSync(path, { throwIfNoEntry: false })?.size ?? 0;
  if (size >= maxBytes) fs.renameSync(path, `${path}.1`);
}

export function readDecisions(dir: string, fs: Pick<typeof nodeFs, "readFileSync"> = nodeFs): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const file of [`${LOG_FILE}.1`, LOG_FILE]) {
    let text: string;
    try {
      text = fs.readFileSync(join(dir, file), "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n")) {
      if (line.trim() === "") continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        // A line torn by a crash or a full disk: skip it, keep the rest.
        continue;
      }
      // Valid JSON that is not an entry (null, a number, a hand edit) is skipped the same way.
      if (typeof value === "object" && value !== null && !Array.isArray(value)) entries.push(value as LogEntry);
    }
  }
  return entries;
}
