// What a session's running background work keeps when its turn (or its life) ends. Pure: the
// Stop payload's `background_tasks`, the lock's record and the clock in, the work that still
// keeps the lock out.
//
// How long each kind of work keeps its session's locks (Claude Code 2.1.331's task types):
// - shell, monitor: until its own deadline, which its call declared (a background command's
//   `timeout`, default 10 minutes, at most 2 hours; a monitor's `timeout_ms`, at most 10
//   minutes), plus one TTL. A shell the guard did not see start (moved to the background after
//   its foreground timeout) keeps the workspace the session is in for the default 10 minutes.
// - subagent, workflow, teammate, MCP task and any type not named here: one TTL from each Stop
//   that lists it; an agent's own tool calls refresh the lock as it works, and never shorten it.
// - cloud session (works in a remote environment), memory save and auto-mode scan (Claude Code's
//   own bookkeeping, outside the workspace): nothing.
// Every lock stays bounded: nothing keeps it longer than the records' ceiling (decide.ts).

import { boundedWork, type LockRecord, liveWork, type WorkItem } from "../lock/record.js";
import type { BackgroundTask } from "./payload.js";
import { BACKGROUND_DEFAULT_TIMEOUT_MS, MONITOR_DEFAULT_TIMEOUT_MS } from "./policy.js";

type Lease = "deadline" | "ttl" | "none";

const LEASES: Record<string, Lease> = {
  shell: "deadline",
  monitor: "deadline",
  "cloud session": "none",
  "memory save": "none",
  "auto-mode scan": "none",
};

export function leaseOf(type: string): Lease {
  return LEASES[type] ?? "ttl";
}

export interface Ending {
  event: string | null;
  /** Stop's list of work in flight; null when the event carries none. */
  tasks: BackgroundTask[] | null;
  /** SessionEnd's reason. */
  reason: string | null;
}

export interface Here {
  now: number;
  ttlMs: number;
  /** Whether this lock is the workspace the session is in (its cwd): work nobody saw start is attributed here. */
  here: boolean;
}

/**
 * The work that still keeps `record` when `ending` arrives: none releases the lock, some keeps
 * it that long, null leaves it exactly as it is.
 */
export function keepAtEnd(ending: Ending, record: LockRecord, at: Here): WorkItem[] | null {
  const running = liveWork(record, at.now);
  switch (ending.event) {
    case "SubagentStop":
      // An agent ended; its session's turn goes on (or its Stop follows): never a release.
      return null;
    case "SessionEnd":
      // /clear ends the session id, not the process: work it started runs on, and the same
      // process adopts the lock under its new id (sessionstart). Any other end releases.
      return ending.reason === "clear" && running.length > 0 ? null : [];
    default:
      // A turn that ended without a word about its work (an API error's StopFailure, an older
      // Claude Code, an agent with no background-task list): released, unless the record shows
      // work still running, which keeps it until that work's own deadline.
      return ending.tasks === null ? (running.length > 0 ? null : []) : keptBy(ending.tasks, running, at);
  }
}

function keptBy(tasks: BackgroundTask[], running: WorkItem[], at: Here): WorkItem[] {
  const kept: WorkItem[] = [];
  for (const task of tasks) {
    if (task.status !== "running" && task.status !== "pending") continue;
    const lease = leaseOf(task.type);
    if (lease === "none") continue;
    const seen = running.find((w) => w.id === task.id || (task.command !== undefined && w.command !== undefined && boundedWork({ ...w, command: task.command }).command === w.command));
    const description = task.description ?? seen?.description;
    const named = { type: task.type, id: task.id, ...(description !== undefined && { description }), ...(task.command !== undefined && { command: task.command }) };
    if (lease === "deadline") {
      if (seen !== undefined) kept.push({ ...named, since: seen.since, until: seen.until });
      else if (at.here) {
        const runs = task.type === "monitor" ? MONITOR_DEFAULT_TIMEOUT_MS : BACKGROUND_DEFAULT_TIMEOUT_MS;
        kept.push({ ...named, since: at.now, until: at.now + runs + at.ttlMs });
      }
    } else {
      kept.push({ ...named, since: seen?.since ?? at.now, until: at.now + at.ttlMs });
    }
  }
  return kept;
}
