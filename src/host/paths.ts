// Where the guard keeps its files.

import { homedir } from "node:os";
import { join } from "node:path";

/** `$CLAUDE_CONFIG_DIR/runtime`, else `~/.claude/runtime`. */
export function runtimeDir(env: NodeJS.ProcessEnv): string {
  return join(claudeConfigDir(env), "runtime");
}

export function claudeConfigDir(env: NodeJS.ProcessEnv): string {
  const configured = env.CLAUDE_CONFIG_DIR;
  return configured !== undefined && configured !== "" ? configured : join(homeDir(env), ".claude");
}

/** $HOME, else the account's home directory. */
export function homeDir(env: NodeJS.ProcessEnv): string {
  return env.HOME || homedir();
}
