// The guard's entries in a Claude Code settings object (and in the files of the agents that took
// its shape: Codex CLI's hooks.json, Gemini CLI's settings.json): what they are, how to recognise
// them (whatever path or launcher prefix an older install or the plugin used), and how to add or
// remove them while leaving every other key and hook exactly as it was. Pure: objects in,
// objects out; the caller reads and writes the file.

import example from "../../settings.example.json" with { type: "json" };
import { SettingsError } from "../errors.js";
import { settings as M } from "../messages.js";

/** The tools whose calls can change files (Claude Code 2.1.331), which the matchers must cover. */
export const GUARDED_TOOLS = ["Edit", "Write", "MultiEdit", "NotebookEdit", "Bash", "PowerShell", "Monitor", "ExitWorktree"] as const;
export const HOOK_TIMEOUT_S = 5;
/**
 * Timeouts outside this range (seconds) are replaced by install and flagged by doctor: below 2 s
 * a hook waiting out contention (up to 1.5 s) may be killed, and the tool then runs unguarded;
 * above 60 s a stuck hook holds up the session.
 */
export const SANE_TIMEOUT_S = { min: 2, max: 60 } as const;

export interface GuardEvent {
  event: string;
  subcommand: string;
  /** As in the example: tool events name the guarded tools; lifecycle events have none. */
  matcher?: string;
  /** The hook's timeout, in the unit its agent reads (seconds, or Gemini CLI's milliseconds). */
  timeout?: number;
  /** The agent the command names with `--agent`, when it is not Claude Code. */
  agent?: string;
}

/** The entries install writes into one kind of file, and the timeouts that make sense there. */
export interface Wiring {
  events: readonly GuardEvent[];
  sane: { min: number; max: number };
}

/** Our entries in a settings object, one per (event, hook) in file order. */
export function guardEventsOf(settings: unknown): GuardEvent[] {
  const events: GuardEvent[] = [];
  const hooks = isObject(settings) ? settings.hooks : undefined;
  if (!isObject(hooks)) return events;
  for (const [event, groups] of Object.entries(hooks)) {
    for (const group of Array.isArray(groups) ? groups : []) {
      if (!isObject(group) || !Array.isArray(group.hooks)) continue;
      for (const hook of group.hooks) {
        const parsed = isObject(hook) ? parseGuardCommand(hook.command) : null;
        if (parsed === null) continue;
        const agent = agentOf(parsed.args);
        events.push({
          event,
          subcommand: parsed.subcommand,
          ...(typeof group.matcher === "string" && { matcher: group.matcher }),
          ...(typeof hook.timeout === "number" && { timeout: hook.timeout }),
          ...(agent !== null && { agent }),
        });
      }
    }
  }
  return events;
}

export interface GuardCommand {
  /** Everything before the subcommand: `claude-session-guard`, a path, `node "…/cli.js"`, `npx …`. */
  prefix: string;
  subcommand: string;
  /** Whatever follows the subcommand (e.g. ` --ttl-ms 600000`), kept across reinstalls. */
  args: string;
}

const GUARD_COMMAND =
  /^(.*?(?:^|[\s/\\"'])claude-session-guard(?:\.c?js)?(?:@[\w.^~-]+)?["']?)[ \t]+(pretooluse|posttooluse|stop|sessionstart)((?:[ \t].*)?)$/s;

export function parseGuardCommand(command: unknown): GuardCommand | null {
  if (typeof command !== "string") return null;
  const match = GUARD_COMMAND.exec(command.trim());
  if (!match) return null;
  return { prefix: match[1]!, subcommand: match[2]!, args: match[3]!.trimEnd() };
}

/** The agent a command's arguments name with `--agent`, or null. */
export function agentOf(args: string): string | null {
  return /(?:^|\s)--agent(?:=|\s+)(\S+)/.exec(args)?.[1] ?? null;
}

/** A command's arguments naming `agent` (and no other), the rest as they were. */
export function withAgent(args: string, agent: string | undefined): string {
  if (agent === undefined) return args;
  return `${args.replace(/\s--agent(?:=|\s+)\S+/g, "")} --agent ${agent}`;
}

export type Json = Record<string, unknown>;

export interface HookChange {
  kind: "add" | "update" | "remove";
  event: string;
  command: string;
  /** For updates: the command (and where it was) before. */
  previous?: string;
  why?: "duplicate" | "wrong-event" | "outdated" | "matcher" | "timeout";
}

export function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isSaneTimeout(value: unknown, sane: { min: number; max: number } = SANE_TIMEOUT_S): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= sane.min && value <= sane.max;
}

function rightMatcher(spec: GuardEvent, matcher: unknown): boolean {
  if (spec.matcher !== undefined) return matcher === spec.matcher;
  return matcher === undefined || matcher === "" || matcher === "*";
}

interface Found {
  group: Json;
  index: number;
  hook: Json;
  parsed: GuardCommand;
}

function hooksOf(settings: Json): Json {
  const hooks = settings.hooks;
  if (hooks === undefined) return {};
  // The settings do not have the shape Claude Code reads: refuse to guess rather than clobber.
  if (!isObject(hooks)) throw new SettingsError(M.hooksNotObject, "ESHAPE");
  return hooks;
}

function eventArray(hooks: Json, event: string): unknown[] {
  const groups = hooks[event];
  if (groups === undefined) return [];
  if (!Array.isArray(groups)) throw new SettingsError(M.eventNotArray(event), "ESHAPE");
  return groups;
}

/** Our hooks in one event's groups; groups that are not `{hooks: [...]}` are never touched. */
function findOurs(groups: unknown[]): Found[] {
  const found: Found[] = [];
  groups.forEach((group, index) => {
    if (!isObject(group) || !Array.isArray(group.hooks)) return;
    for (const hook of group.hooks) {
      if (!isObject(hook)) continue;
      const parsed = parseGuardCommand(hook.command);
      if (parsed !== null) found.push({ group, index, hook, parsed });
    }
  });
  return found;
}

function dropHook(group: Json, hook: Json): void {
  group.hooks = (group.hooks as unknown[]).filter((h) => h !== hook);
}

export function guardCommand(prefix: string, subcommand: string, args = ""): string {
  return `${prefix} ${subcommand}${args}`;
}

/**
 * Adds the guard's hooks, written with `prefix` (e.g. `claude-session-guard`). Our entries already
 * present are updated in place (prefix, timeout, matcher) rather than duplicated; extra ones and
 * ones under the wrong event are removed. A second call with the same prefix changes nothing.
 */
export function installGuardHooks(input: Json, prefix: string, wiring: Wiring = CLAUDE_WIRING): { settings: Json; changes: HookChange[] } {
  const settings = structuredClone(input);
  const hooks = hooksOf(settings);
  const changes: HookChange[] = [];

  for (const spec of wiring.events) {
    const groups = [...eventArray(hooks, spec.event)];
    const ours = findOurs(groups);
    const candidates = ours.filter((o) => o.parsed.subcommand === spec.subcommand);
    const keeper = candidates.find((o) => rightMatcher(spec, o.group.matcher)) ?? candidates[0];
    const emptied = new Set<Json>();

    for (const other of ours) {
      if (other === keeper) continue;
      dropHook(other.group, other.hook);
      emptied.add(other.group);
      changes.push({
        kind: "remove",
        event: spec.event,
        command: String(other.hook.command),
        why: other.parsed.subcommand === spec.subcommand ? "duplicate" : "wrong-event",
      });
    }

    const command = guardCommand(prefix, spec.subcommand, withAgent(keeper?.parsed.args ?? "", spec.agent));
    const fallback = spec.timeout ?? HOOK_TIMEOUT_S;
    if (keeper === undefined) {
      groups.push(newGroup(spec, { type: "command", command, timeout: fallback }));
      changes.push({ kind: "add", event: spec.event, command });
    } else {
      const { async: _async, ...rest } = keeper.hook;
      const timeout = isSaneTimeout(keeper.hook.timeout, wiring.sane) ? keeper.hook.timeout : fallback;
      const updated: Json = { ...rest, type: "command", command, timeout };
      const why: HookChange["why"] =
        keeper.hook.command !== command ? "outdated" : !rightMatcher(spec, keeper.group.matcher) ? "matcher" : "timeout";
      if (rightMatcher(spec, keeper.group.matcher)) {
        if (JSON.stringify(updated) !== JSON.stringify(keeper.hook)) {
          keeper.group.hooks = (keeper.group.hooks as unknown[]).map((h) => (h === keeper.hook ? updated : h));
          changes.push({ kind: "update", event: spec.event, command, previous: String(keeper.hook.command), why });
        }
      } else {
        // Its group filters on other tools (or shares them with other hooks): give it its own group.
        dropHook(keeper.group, keeper.hook);
        emptied.add(keeper.group);
        groups.splice(keeper.index + 1, 0, newGroup(spec, updated));
        changes.push({ kind: "update", event: spec.event, command, previous: String(keeper.hook.command), why });
      }
    }

    hooks[spec.event] = groups.filter((g) => !(emptied.has(g as Json) && (g as Json & { hooks: unknown[] }).hooks.length === 0));
  }

  if (changes.length === 0) return { settings: structuredClone(input), changes };
  settings.hooks = hooks;
  return { settings, changes };
}

function newGroup(spec: GuardEvent, hook: Json): Json {
  return spec.matcher === undefined ? { hooks: [hook] } : { matcher: spec.matcher, hooks: [hook] };
}

/**
 * Removes every hook of ours, in every event, and tidies up after itself: a matcher group or an
 * event array it emptied goes, and `hooks` goes when nothing is left in it.
 */
export function uninstallGuardHooks(input: Json): { settings: Json; changes: HookChange[] } {
  const settings = structuredClone(input);
  const hooks = hooksOf(settings);
  const changes: HookChange[] = [];
  for (const event of Object.keys(hooks)) {
    const groups = hooks[event];
    if (!Array.isArray(groups)) continue;
    const ours = findOurs(groups);
    if (ours.length === 0) continue;
    const emptied = new Set<Json>();
    for (const found of ours) {
      dropHook(found.group, found.hook);
      emptied.add(found.group);
      changes.push({ kind: "remove", event, command: String(found.hook.command) });
    }
    const kept = groups.filter((g) => !(emptied.has(g as Json) && (g as Json & { hooks: unknown[] }).hooks.length === 0));
    if (kept.length === 0) delete hooks[event];
    else hooks[event] = kept;
  }
  if (changes.length === 0) return { settings: structuredClone(input), changes };
  if (Object.keys(hooks).length === 0) delete settings.hooks;
  else settings.hooks = hooks;
  return { settings, changes };
}

/**
 * The entries install writes are exactly those of settings.example.json, read from it at build
 * time, so the documented wiring and the installed one cannot drift apart (and a hook added to
 * the example, such as SessionStart, is installed without touching this code). Defined last:
 * it runs the parser above at module load.
 */
export const GUARD_EVENTS: readonly GuardEvent[] = guardEventsOf(example);
export const CLAUDE_WIRING: Wiring = { events: GUARD_EVENTS, sane: SANE_TIMEOUT_S };
