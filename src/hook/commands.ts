// The hook commands and their flags: one table, read by the hook entry point's parser and by
// the operator program's --help, so the two cannot disagree.


export const HOOK_COMMANDS = ["pretooluse", "posttooluse", "stop", "sessionstart"] as const;
export type HookCommand = (typeof HOOK_COMMANDS)[number];

export interface HookFlags {
  ttlMs?: string;
  store?: string;
  wait?: string;
  agent?: string;
}

/** Their texts for --help are in messages.ts (help.hooks, help.hookFlags), which only the operator loads. */
export const HOOK_FLAGS: ReadonlyArray<{ name: string; value: string; key: keyof HookFlags }> = [
  { name: "ttl-ms", value: "ms", key: "ttlMs" },
  { name: "store", value: "url", key: "store" },
  { name: "wait", value: "seconds", key: "wait" },
  { name: "agent", value: "name", key: "agent" },
];

export function isHookCommand(name: string | undefined): name is HookCommand {
  return (HOOK_COMMANDS as readonly string[]).includes(name ?? "");
}
