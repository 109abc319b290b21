// The hook wiring Claude Code would load, and the checks `doctor` makes on it. Pure: settings
// objects in, checks out; doctor.ts does the reading, running and probing.

import {
  GUARDED_TOOLS,
  type GuardCommand,
  isObject,
  type Json,
  parseGuardCommand,
  SANE_TIMEOUT_S,
} from "../settings/guardHooks.js";
import { doctor as M, reach as R } from "../messages.js";
import { matcherMatches, readMatcher } from "../settings/matcher.js";
import type { Reach, Scope } from "../settings/reach.js";
import { type Paint, plain, type Style } from "./style.js";

export type CheckStatus = "pass" | "warn" | "fail" | "info";

export interface Check {
  id: string;
  status: CheckStatus;
  message: string;
  hint: string | null;
}

export interface Source {
  /** For people: "user settings", "project settings", "plugin session-guard@x", or the path given. */
  label: string;
  path: string;
  /** Set for a plugin's hooks/hooks.json: what `${CLAUDE_PLUGIN_ROOT}` stands for. */
  pluginRoot?: string;
  /** The parsed file; null when it is missing or broken (see `problem`). */
  value: Json | null;
  /** Which sessions Claude Code runs this file's hooks in; unknown for files given by path. */
  reach?: Reach;
  /** For a project or local settings file: which one (it names the file in what doctor says). */
  scope?: Scope;
  problem?: { status: CheckStatus; message: string; hint: string | null };
}

export interface Registration {
  source: Source;
  event: string;
  matcher: unknown;
  hook: Json;
  command: string;
  guard: GuardCommand;
}

/** Which subcommand belongs under which events. */
const HOME_EVENTS: Record<string, readonly string[]> = {
  pretooluse: ["PreToolUse"],
  posttooluse: ["PostToolUse", "PostToolUseFailure"],
  stop: ["Stop", "SessionEnd", "StopFailure", "SubagentStop"],
  sessionstart: ["SessionStart"],
};

export function check(id: string, status: CheckStatus, message: string, hint: string | null = null): Check {
  return { id, status, message, hint };
}

export function registrations(sources: Source[]): Registration[] {
  const found: Registration[] = [];
  for (const source of sources) {
    const hooks = source.value?.hooks;
    if (!isObject(hooks)) continue;
    for (const [event, groups] of Object.entries(hooks)) {
      if (!Array.isArray(groups)) continue;
      for (const group of groups) {
        if (!isObject(group) || !Array.isArray(group.hooks)) continue;
        for (const hook of group.hooks) {
          if (!isObject(hook) || (hook.type !== undefined && hook.type !== "command")) continue;
          const guard = parseGuardCommand(hook.command);
          if (guard) found.push({ source, event, matcher: group.matcher, hook, command: String(hook.command), guard });
        }
      }
    }
  }
  return found;
}

/** The shape problems of one source that would make Claude Code skip or misread its hooks. */
export function sourceCheck(source: Source, ours: Registration[]): Check {
  const id = `settings:${source.label}`;
  if (source.problem) return check(id, source.problem.status, source.problem.message, source.problem.hint);
  const hooks = source.value?.hooks;
  if (hooks !== undefined && !isObject(hooks)) return check(id, "fail", M.hooksNotObject(source.path), M.fixByHand);
  const count = ours.filter((r) => r.source === source).length;
  return check(id, "pass", M.sourceRead(source.label, source.path, count));
}

function where(regs: Registration[]): string {
  return [...new Set(regs.map((r) => r.source.label))].join(", ");
}

function toolCheck(regs: Registration[], event: "PreToolUse" | "PostToolUse" | "PostToolUseFailure", subcommand: string): Check {
  const id = event === "PostToolUseFailure" ? "posttoolusefailure" : subcommand;
  const mine = regs.filter((r) => r.event === event && r.guard.subcommand === subcommand);
  // Without it, a failed call leaves the lock unrefreshed: it may lapse early, never a collision.
  if (mine.length === 0) return check(id, event === "PostToolUseFailure" ? "warn" : "fail", M.notRegistered(event, subcommand), M.runInstall);
  const invalid = mine.filter((r) => readMatcher(r.matcher, true).kind === "invalid");
  const uncovered = GUARDED_TOOLS.filter((tool) => !mine.some((r) => matcherMatches(r.matcher, tool, true)));
  if (uncovered.length > 0) {
    const matchers = mine.map((r) => JSON.stringify(r.matcher ?? "")).join(", ");
    const hint = invalid.length > 0 ? M.invalidMatcherHint : M.matcherHint;
    return check(id, "fail", M.uncovered(event, subcommand, uncovered.join(", "), matchers), hint);
  }
  const asyncHooks = mine.filter((r) => r.hook.async === true);
  if (subcommand === "pretooluse" && asyncHooks.length === mine.length) {
    return check(id, "fail", M.asyncPreToolUse(where(asyncHooks)), M.removeAsync);
  }
  return check(id, "pass", M.covered(event, subcommand, GUARDED_TOOLS.join(", "), where(mine)));
}

function lifecycleCheck(regs: Registration[], event: "Stop" | "SessionEnd" | "StopFailure"): Check {
  const id = event.toLowerCase();
  const mine = regs.filter((r) => r.event === event && r.guard.subcommand === "stop");
  // Without StopFailure a turn that ends on an API error keeps its lock until it expires.
  if (mine.length === 0) return check(id, event === "StopFailure" ? "warn" : "fail", M.notRegistered(event, "stop"), M.runInstall);
  // Stop has no matcher; a SessionEnd matcher filters on the end reason.
  if (event === "SessionEnd" && !mine.some((r) => readMatcher(r.matcher, false).kind === "all")) {
    const matchers = mine.map((r) => JSON.stringify(r.matcher)).join(", ");
    return check(id, "warn", M.sessionEndFiltered(matchers), M.dropMatcher);
  }
  return check(id, "pass", M.lifecycleOk(event, "stop", where(mine)));
}

function placementCheck(regs: Registration[]): Check {
  const misplaced = regs.filter((r) => !(HOME_EVENTS[r.guard.subcommand] ?? []).includes(r.event));
  if (misplaced.length === 0) return check("placement", "pass", M.placementOk);
  const list = misplaced.map((r) => M.misplacedOne(r.guard.subcommand, r.event, r.source.label)).join("; ");
  return check("placement", "fail", M.misplaced(list), M.runInstall);
}

/**
 * How many times Claude Code 2.1.331 runs a registration per call, as it was seen to: settings
 * hooks once per distinct command string, whichever files and matcher groups list it (the timeout
 * aside); a plugin's hooks on their own, never merged with settings hooks. So the same command in
 * user, project and local settings runs once, while `claude-session-guard pretooluse` next to
 * `/usr/bin/claude-session-guard pretooluse`, or settings next to the plugin, runs twice.
 */
function runIdentity(reg: Registration): string {
  return reg.source.pluginRoot !== undefined ? `${reg.source.label}\u0000${reg.command}` : reg.command;
}

function duplicatesCheck(regs: Registration[]): Check {
  const groups = new Map<string, Registration[]>();
  for (const r of regs) {
    const key = `${r.event} ${r.guard.subcommand}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const twice: string[] = [];
  let merged = false;
  for (const [key, list] of groups) {
    // For a tool event, what runs for one call is what matches its tool.
    const perCall = TOOL_EVENTS.has(list[0]!.event)
      ? GUARDED_TOOLS.map((tool) => list.filter((r) => matcherMatches(r.matcher, tool, true)))
      : [list];
    const worst = perCall.reduce((a, b) => (distinct(b).length > distinct(a).length ? b : a), [] as Registration[]);
    const runs = distinct(worst);
    if (runs.length > 1) twice.push(M.duplicateOne(key, runs.length, runs.map((r) => `${r.source.label}: ${r.command}`).join("; ")));
    else if (list.length > 1) merged = true;
  }
  if (twice.length > 0) return check("duplicates", "warn", M.duplicates(twice.join("; ")), M.duplicatesHint);
  return check("duplicates", "pass", merged ? M.identicalRunOnce : M.noDuplicates);
}

/** One registration per way Claude Code runs it (see runIdentity). */
function distinct(regs: Registration[]): Registration[] {
  const seen = new Map<string, Registration>();
  for (const r of regs) if (!seen.has(runIdentity(r))) seen.set(runIdentity(r), r);
  return [...seen.values()];
}

const TOOL_EVENTS = new Set(["PreToolUse", "PostToolUse", "PostToolUseFailure"]);

/** How long past its `--wait` a waiting pretooluse must be allowed to run. */
const WAIT_MARGIN_S = 5;

/** The `--wait SECONDS` of a pretooluse command line, or 0. */
function waitOf(reg: Registration): number {
  if (reg.guard.subcommand !== "pretooluse") return 0;
  const match = /(?:^|\s)--wait(?:=|\s+)(\d+)(?:\s|$)/.exec(reg.guard.args);
  return match ? Number(match[1]) : 0;
}

function timeoutCheck(regs: Registration[]): Check {
  if (regs.length === 0) return check("timeout", "info", M.noHooksForTimeout);
  const invalid = regs.filter((r) => r.hook.timeout !== undefined && !(typeof r.hook.timeout === "number" && r.hook.timeout > 0));
  if (invalid.length > 0) {
    return check("timeout", "fail", M.timeoutInvalid(describeTimeouts(invalid)), M.timeoutHint);
  }
  // A hook killed at its timeout lets the tool run: a pretooluse that may wait needs the wait's room.
  const short = regs.filter((r) => waitOf(r) > 0 && typeof r.hook.timeout === "number" && r.hook.timeout < waitOf(r) + WAIT_MARGIN_S);
  if (short.length > 0) return check("timeout", "fail", M.timeoutUnderWait(short.map((r) => `${r.event} ${r.guard.subcommand}: timeout ${r.hook.timeout} s, --wait ${waitOf(r)}`).join(", "), WAIT_MARGIN_S), M.timeoutUnderWaitHint(WAIT_MARGIN_S));
  const missing = regs.filter((r) => r.hook.timeout === undefined);
  const odd = regs.filter((r) => typeof r.hook.timeout === "number" && (r.hook.timeout < SANE_TIMEOUT_S.min || r.hook.timeout > SANE_TIMEOUT_S.max + waitOf(r)));
  if (missing.length > 0) return check("timeout", "warn", M.timeoutMissing(describeCommands(missing)), M.timeoutHint);
  if (odd.length > 0) return check("timeout", "warn", M.timeoutOdd(describeTimeouts(odd)), M.timeoutHint);
  const values = [...new Set(regs.map((r) => r.hook.timeout as number))].sort((a, b) => a - b);
  return check("timeout", "pass", M.timeoutOk(values.map((v) => `${v} s`).join(", ")));
}

function describeTimeouts(regs: Registration[]): string {
  return regs.map((r) => `${r.event} ${r.guard.subcommand}: ${JSON.stringify(r.hook.timeout)}`).join(", ");
}

function describeCommands(regs: Registration[]): string {
  return regs.map((r) => `${r.event} ${r.guard.subcommand}`).join(", ");
}

function sessionStartCheck(regs: Registration[]): Check {
  const mine = regs.filter((r) => r.event === "SessionStart" && r.guard.subcommand === "sessionstart");
  if (mine.length === 0) return check("sessionstart", "info", M.noSessionStart);
  return check("sessionstart", "pass", M.lifecycleOk("SessionStart", "sessionstart", where(mine)));
}

/**
 * Whether the files that carry the guard reach every session, or which sessions they leave out
 * (the same sentences install prints for a narrower scope). Null when nothing says (no guard
 * hooks, or files given by path).
 */
export function reachCheck(regs: Registration[]): Check | null {
  const known = regs.filter((r) => r.source.reach !== undefined);
  if (known.length === 0) return null;
  const every = known.filter((r) => r.source.reach!.kind === "every");
  if (every.length > 0) return check("reach", "pass", M.reachEvery(where(every)));
  const widest = known.find((r) => r.source.reach!.kind === "repository") ?? known[0]!;
  const reach = widest.source.reach!;
  const by = `${widest.source.label} settings`;
  const message =
    reach.kind === "repository" ? R.repository(by, reach.root) : R.startOnly(by, (reach as { root: string }).root, widest.source.scope === "local" ? "local" : "project", null);
  return check("reach", "warn", message.replace(/\.$/, ""), M.reachHint);
}

/** Every check that needs only the settings, in the order doctor prints them. */
export function wiringChecks(sources: Source[]): Check[] {
  const regs = registrations(sources);
  return [
    ...sources.map((s) => sourceCheck(s, regs)),
    toolCheck(regs, "PreToolUse", "pretooluse"),
    toolCheck(regs, "PostToolUse", "posttooluse"),
    toolCheck(regs, "PostToolUseFailure", "posttooluse"),
    lifecycleCheck(regs, "Stop"),
    lifecycleCheck(regs, "StopFailure"),
    lifecycleCheck(regs, "SessionEnd"),
    placementCheck(regs),
    ...(reachCheck(regs) === null ? [] : [reachCheck(regs)!]),
    duplicatesCheck(regs),
    timeoutCheck(regs),
    sessionStartCheck(regs),
  ];
}


/** One line of doctor's report, its status word painted for a terminal. */
export function checkLine(check: Check, paint: Paint = plain): string {
  const status = check.status === "fail" || check.status === "warn" ? check.status.toUpperCase() : check.status;
  const word = paint(STATUS_STYLE[check.status], status) + " ".repeat(Math.max(0, 4 - status.length));
  return M.line(word, check.id, check.message, check.hint);
}

const STATUS_STYLE: Record<CheckStatus, Style> = { pass: "good", info: "note", warn: "warn", fail: "bad" };
