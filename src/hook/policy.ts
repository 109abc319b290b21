// The hook's pure policy: which calls need the lock, how long a call's lease lasts, and which
// time-to-live applies. No I/O: the orchestrator (runHook.ts) feeds it the payload and settings.

import { classifyBash } from "../bash/readOnly.js";
import { InputError } from "../errors.js";
import { DEFAULT_TTL_MS } from "../lock/record.js";
import { input } from "../messages.js";
import type { HookPayload } from "./payload.js";

export type Env = Readonly<Record<string, string | undefined>>;

/** Claude Code's own default and ceiling for a Bash call's `timeout`. */
export const BASH_DEFAULT_TIMEOUT_MS = 120_000;
export const BASH_MAX_TIMEOUT_MS = 600_000;
export const MIN_TTL_MS = 1000;
export const MAX_TTL_MS = 604_800_000;

/**
 * A command that provably cannot change the workspace needs no lock: it neither takes one nor
 * waits for one. Anything the classifier cannot prove read-only is guarded.
 */
export function needsLock(payload: HookPayload, env: Env): boolean {
  if (payload.toolName !== "Bash" || env.CLAUDE_SESSION_GUARD_STRICT_BASH === "1") return true;
  const command = payload.toolInput.command;
  return !(typeof command === "string" && classifyBash(command).readOnly);
}

/** A Bash call may run up to its declared timeout; the lock must outlast it. */
export function leaseFor(payload: HookPayload): number {
  if (payload.toolName !== "Bash") return 0;
  const declared = payload.toolInput.timeout;
  const timeout = typeof declared === "number" && Number.isFinite(declared) && declared > 0 ? declared : BASH_DEFAULT_TIMEOUT_MS;
  return Math.round(Math.min(timeout, BASH_MAX_TIMEOUT_MS));
}

/** `--ttl-ms` wins over CLAUDE_SESSION_GUARD_TTL_MS; neither means the default. */
export function resolveTtl(flag: string | undefined, env: Env): number {
  if (flag !== undefined) return parseTtl(flag, "--ttl-ms");
  const fromEnv = env.CLAUDE_SESSION_GUARD_TTL_MS;
  if (fromEnv !== undefined && fromEnv !== "") return parseTtl(fromEnv, "CLAUDE_SESSION_GUARD_TTL_MS");
  return DEFAULT_TTL_MS;
}

function parseTtl(raw: string, source: string): number {
  const value = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || value < MIN_TTL_MS || value > MAX_TTL_MS) throw new InputError(input.invalidTtl(source, raw), "ETTL");
  return value;
}

/** The escape hatch: the hooks allow everything, silently. */
export function isDisabled(env: Env): boolean {
  return env.CLAUDE_SESSION_GUARD_DISABLE === "1";
}
