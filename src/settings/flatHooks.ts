// The guard's entries in a hooks file with flat entries, as Cursor's hooks.json and GitHub
// Copilot CLI's .github/hooks/*.json have them: `{"version": 1, "hooks": {"<event>": [{<command
// key>: "…", <timeout key>: N, …}]}}`, no matcher groups. Like guardHooks.ts: our entries are
// recognised by their command, added or updated in place, and removed without touching anything
// else. Pure: objects in, objects out.

import { SettingsError } from "../errors.js";
import { settings as M } from "../messages.js";
import { agentOf, type GuardEvent, guardCommand, type HookChange, isObject, isSaneTimeout, type Json, parseGuardCommand, withAgent } from "./guardHooks.js";

export interface FlatWiring {
  events: readonly GuardEvent[];
  /** Where an entry keeps its command line: Cursor's `command`, Copilot's `bash`. */
  commandKey: string;
  /** And its timeout, in seconds: Cursor's `timeout`, Copilot's `timeoutSec`. */
  timeoutKey: string;
  /** Fields every entry of ours carries besides those two (Copilot's `"type": "command"`). */
  fields: Json;
  sane: { min: number; max: number };
}

/** Our entries in a flat hooks file, one per (event, entry) in file order. */
export function flatEventsOf(file: unknown, commandKey: string, timeoutKey: string): GuardEvent[] {
  const events: GuardEvent[] = [];
  const hooks = isObject(file) ? file.hooks : undefined;
  if (!isObject(hooks)) return events;
  for (const [event, entries] of Object.entries(hooks)) {
    for (const entry of Array.isArray(entries) ? entries : []) {
      const parsed = isObject(entry) ? parseGuardCommand(entry[commandKey]) : null;
      if (parsed === null) continue;
      const agent = agentOf(parsed.args);
      const timeout = (entry as Json)[timeoutKey];
      events.push({ event, subcommand: parsed.subcommand, ...(typeof timeout === "number" && { timeout }), ...(agent !== null && { agent }) });
    }
  }
  return events;
}

function hooksOf(file: Json): Json {
  if (file.hooks === undefined) return {};
  if (!isObject(file.hooks)) throw new SettingsError(M.hooksNotObject, "ESHAPE");
  return file.hooks;
}

function entriesOf(hooks: Json, event: string): unknown[] {
  const entries = hooks[event];
  if (entries === undefined) return [];
  if (!Array.isArray(entries)) throw new SettingsError(M.eventNotArray(event), "ESHAPE");
  return entries;
}

function ours(entries: unknown[], wiring: FlatWiring): Array<{ entry: Json; subcommand: string; args: string }> {
  return entries.flatMap((entry) => {
    const parsed = isObject(entry) ? parseGuardCommand(entry[wiring.commandKey]) : null;
    return parsed === null ? [] : [{ entry: entry as Json, subcommand: parsed.subcommand, args: parsed.args }];
  });
}

/**
 * Adds the guard's entries, written with `prefix`; ours already there are updated in place, extra
 * ones and ones under the wrong event removed. A second call changes nothing. A file without a
 * `version` gets the one both agents read.
 */
export function installFlatHooks(input: Json, prefix: string, wiring: FlatWiring): { settings: Json; changes: HookChange[] } {
  const file = structuredClone(input);
  const hooks = hooksOf(file);
  const changes: HookChange[] = [];
  for (const spec of wiring.events) {
    const entries = [...entriesOf(hooks, spec.event)];
    const found = ours(entries, wiring);
    const keeper = found.find((o) => o.subcommand === spec.subcommand);
    const dropped = new Set<Json>();
    for (const other of found) {
      if (other === keeper) continue;
      dropped.add(other.entry);
      changes.push({ kind: "remove", event: spec.event, command: String(other.entry[wiring.commandKey]), why: other.subcommand === spec.subcommand ? "duplicate" : "wrong-event" });
    }
    const command = guardCommand(prefix, spec.subcommand, withAgent(keeper?.args ?? "", spec.agent));
    const fallback = spec.timeout ?? wiring.sane.min;
    if (keeper === undefined) {
      entries.push({ ...wiring.fields, [wiring.commandKey]: command, [wiring.timeoutKey]: fallback });
      changes.push({ kind: "add", event: spec.event, command });
    } else {
      const timeout = isSaneTimeout(keeper.entry[wiring.timeoutKey], wiring.sane) ? keeper.entry[wiring.timeoutKey] : fallback;
      const updated: Json = { ...keeper.entry, ...wiring.fields, [wiring.commandKey]: command, [wiring.timeoutKey]: timeout };
      if (JSON.stringify(updated) !== JSON.stringify(keeper.entry)) {
        entries[entries.indexOf(keeper.entry)] = updated;
        changes.push({ kind: "update", event: spec.event, command, previous: String(keeper.entry[wiring.commandKey]), why: keeper.entry[wiring.commandKey] !== command ? "outdated" : "timeout" });
      }
    }
    hooks[spec.event] = entries.filter((entry) => !dropped.has(entry as Json));
  }
  if (changes.length === 0) return { settings: structuredClone(input), changes };
  return { settings: { version: 1, ...file, hooks }, changes };
}

/** Removes every entry of ours, and an event list or `hooks` it leaves empty. */
export function uninstallFlatHooks(input: Json, wiring: FlatWiring): { settings: Json; changes: HookChange[] } {
  const file = structuredClone(input);
  const hooks = hooksOf(file);
  const changes: HookChange[] = [];
  for (const event of Object.keys(hooks)) {
    const entries = hooks[event];
    if (!Array.isArray(entries)) continue;
    const found = ours(entries, wiring);
    if (found.length === 0) continue;
    for (const { entry } of found) changes.push({ kind: "remove", event, command: String(entry[wiring.commandKey]) });
    const kept = entries.filter((entry) => !found.some((o) => o.entry === entry));
    if (kept.length === 0) delete hooks[event];
    else hooks[event] = kept;
  }
  if (changes.length === 0) return { settings: structuredClone(input), changes };
  if (Object.keys(hooks).length === 0) delete file.hooks;
  else file.hooks = hooks;
  return { settings: file, changes };
}
