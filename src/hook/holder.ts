// The holder of a lock as a person knows it: its name, its terminal, what it is doing, and what
// keeps the lock. Pure: the record, what Claude Code's registry says (if anything) and the clock
// in; the phrases a denial, a heads-up and `status` print out. Absent facts are left out.

import type { RegistryEntry } from "../host/sessionRegistry.js";
import { type LockRecord, liveWork } from "../lock/record.js";
import { type Holder, hook as M } from "../messages.js";

/** `reader`: the agent the text is for, when it is not Claude Code: it is told that a Claude Code session holds the workspace. */
export function holderText(record: LockRecord, expiresAt: number, now: number, entry: RegistryEntry | null, tty: string | null, reader: string | null = null): Holder {
  const work = liveWork(record, now);
  const agent = typeof record.agent === "string" ? record.agent : null;
  const terminal = entry?.tmux !== undefined ? `tmux ${entry.tmux}` : tty;
  return {
    agent: M.agentName(agent),
    who: M.holderWho(agent, record.session_id, record.pid, entry?.name ?? null, terminal, state(entry, work.length > 0), reader),
    label: M.holderLabel(record.session_id, record.pid, typeof record.agent === "string" ? record.agent : null),
    place: M.holderPlace(entry?.name ?? null, entry?.tmux ?? null, tty, entry?.cwd ?? null),
    doing: doing(entry, work.length > 0),
    timing: M.timing(now - record.acquired_at, expiresAt - now),
    work: work.map((w) => M.workLine(w.type, w.description ?? null, w.command ?? null, now - w.since, w.until - now)),
  };
}

function doing(entry: RegistryEntry | null, hasWork: boolean): string {
  switch (entry?.status) {
    case "busy":
      return M.doing.working;
    case "waiting":
      return entry.waitingFor === "permission prompt" || entry.waitingFor === undefined ? M.doing.waitingPermission : M.doing.waiting(entry.waitingFor);
    case "shell":
      return M.doing.idleWithShell;
    case "idle":
      return hasWork ? M.doing.idleWithWork : M.doing.idle;
    default:
      return hasWork ? M.doing.keptForWork : M.doing.unknown;
  }
}

/** In a word or three, for the first line of a denial. */
function state(entry: RegistryEntry | null, hasWork: boolean): string {
  switch (entry?.status) {
    case "busy":
      return M.state.working;
    case "waiting":
      return entry.waitingFor === "permission prompt" || entry.waitingFor === undefined ? M.state.waitingPermission : M.state.waiting;
    default:
      return hasWork ? M.state.background : M.state.unknown;
  }
}
