// The hook commands and their flags: one table, read by the hook entry point's parser and by
// the operator program's --help, so the two cannot disagree.

import { help } from "../messages.js";

export const HOOK_COMMANDS = ["pretooluse", "posttooluse", "stop", "sessionstart"] as const;
export type HookCommand = (typeof HOOK_COMMANDS)[number];

export const HOOK_SUMMARIES: Record<HookCommand, string> = {
  pretooluse: help.pretooluse,
  posttooluse: help.posttooluse,
  stop: help.stop,
  sessionstart: help.sessionstart,
};

export interface HookFlags {
  ttlMs?: string;
  store?: string;
}

export const HOOK_FLAGS: ReadonlyArray<{ name: string; value: string; key: keyof HookFlags; help: string }> = [
  { name: "ttl-ms", value: "ms", key: "ttlMs", help: help.ttlMs },
  { name: "store", value: "url", key: "store", help: help.hookStore },
];

export function isHookCommand(name: string | undefined): name is HookCommand {
  return (HOOK_COMMANDS as readonly string[]).includes(name ?? "");
}
