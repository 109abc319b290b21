// The hooks file of each agent other than Claude Code, and what install writes into it: read from
// the example files at build time, like settings.example.json for Claude Code, so the documented
// wiring and the installed one cannot drift apart.

import codexExample from "../../examples/codex-hooks.json" with { type: "json" };
import copilotExample from "../../examples/copilot-hooks.json" with { type: "json" };
import cursorExample from "../../examples/cursor-hooks.json" with { type: "json" };
import geminiExample from "../../examples/gemini-settings.json" with { type: "json" };
import type { AgentName } from "../agents/names.js";
import { type FlatWiring, flatEventsOf, installFlatHooks, uninstallFlatHooks } from "./flatHooks.js";
import { guardEventsOf, type HookChange, installGuardHooks, type Json, SANE_TIMEOUT_S, uninstallGuardHooks, type Wiring } from "./guardHooks.js";

export type OtherAgent = Exclude<AgentName, "claude">;

export interface AgentWiring {
  /** The example file beside settings.example.json. */
  example: string;
  /** Codex and Gemini CLI nest hooks in matcher groups as Claude Code does; Cursor and Copilot CLI list entries. */
  kind: "nested" | "flat";
  /** What install writes. */
  events: Wiring["events"];
  /** Copilot CLI reads every file in its hooks directory, so the guard keeps one of its own there, removed whole. */
  ownFile: boolean;
  install(file: Json, prefix: string): { settings: Json; changes: HookChange[] };
  uninstall(file: Json): { settings: Json; changes: HookChange[] };
  /** Our entries in a file of this kind. */
  ours(file: unknown): ReturnType<typeof guardEventsOf>;
}

function nested(example: string, value: unknown, sane: Wiring["sane"]): AgentWiring {
  const wiring: Wiring = { events: guardEventsOf(value), sane };
  return {
    example,
    kind: "nested",
    events: wiring.events,
    ownFile: false,
    install: (file, prefix) => installGuardHooks(file, prefix, wiring),
    uninstall: (file) => uninstallGuardHooks(file),
    ours: guardEventsOf,
  };
}

function flat(example: string, value: unknown, keys: Pick<FlatWiring, "commandKey" | "timeoutKey" | "fields">, ownFile: boolean): AgentWiring {
  const wiring: FlatWiring = { events: flatEventsOf(value, keys.commandKey, keys.timeoutKey), sane: SANE_TIMEOUT_S, ...keys };
  return {
    example,
    kind: "flat",
    events: wiring.events,
    ownFile,
    install: (file, prefix) => installFlatHooks(file, prefix, wiring),
    uninstall: (file) => uninstallFlatHooks(file, wiring),
    ours: (file) => flatEventsOf(file, keys.commandKey, keys.timeoutKey),
  };
}

export const AGENT_WIRING: Record<OtherAgent, AgentWiring> = {
  codex: nested("examples/codex-hooks.json", codexExample, SANE_TIMEOUT_S),
  // Gemini CLI reads timeouts in milliseconds.
  gemini: nested("examples/gemini-settings.json", geminiExample, { min: SANE_TIMEOUT_S.min * 1000, max: SANE_TIMEOUT_S.max * 1000 }),
  cursor: flat("examples/cursor-hooks.json", cursorExample, { commandKey: "command", timeoutKey: "timeout", fields: {} }, false),
  copilot: flat("examples/copilot-hooks.json", copilotExample, { commandKey: "bash", timeoutKey: "timeoutSec", fields: { type: "command" } }, true),
};

/** The name of the guard's own file in Copilot CLI's hooks directory. */
export const COPILOT_FILE = "claude-session-guard.json";
