// Codex CLI (0.171) runs a hook only once it is trusted, and skips an untrusted one without a
// word in `codex exec`. Trust is recorded in $CODEX_HOME/config.toml, one table per handler:
//
//   [hooks.state."<abs hooks.json>:<snake_event>:<group index>:<handler index>"]
//   trusted_hash = "sha256:<hex>"
//
// where the hash covers the handler as Codex normalises it (verified against the real CLI: the
// `currentHash` its app-server reports, and hooks running with no bypass flag). Codex's own
// review (/hooks, "Trust all") writes the same tables. This module computes them and edits
// config.toml as text, in one marked block per hooks file, refusing any file where adding the
// block could clash with what is there: TOML has no "merge", and a duplicate table makes Codex
// refuse the whole file.

import { createHash } from "node:crypto";
import { SettingsError } from "../errors.js";
import { settings as M } from "../messages.js";
import { isObject, type Json, parseGuardCommand } from "./guardHooks.js";

export interface TrustEntry {
  key: string;
  hash: string;
}

/** PreToolUse -> pre_tool_use */
function snake(event: string): string {
  return event.replace(/([a-z])([A-Z])/g, "$1_$2").toLowerCase();
}

function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (isObject(value)) return Object.fromEntries(Object.keys(value).sort().map((key) => [key, sortedDeep(value[key])]));
  return value;
}

/** The timeout Codex hashes: its default when unset (600 s; 1 s for SessionEnd and Interrupt, which allow at most 3 s). */
function effectiveTimeout(event: string, handler: Json): number {
  const set = typeof handler.timeout === "number" ? handler.timeout : typeof handler.timeoutSec === "number" ? handler.timeoutSec : undefined;
  if (event === "SessionEnd" || event === "Interrupt") return Math.min(3, Math.max(1, set ?? 1));
  return Math.max(1, set ?? 600);
}

export function handlerHash(event: string, matcher: unknown, handler: Json): string {
  const normalized: Json = {
    type: "command",
    command: handler.command,
    timeout: effectiveTimeout(event, handler),
    async: handler.async ?? false,
    ...(handler.statusMessage != null && { statusMessage: handler.statusMessage }),
  };
  const identity: Json = { event_name: snake(event), hooks: [normalized], ...(matcher != null && { matcher }) };
  return `sha256:${createHash("sha256").update(JSON.stringify(sortedDeep(identity))).digest("hex")}`;
}

/** The trust Codex needs for the guard's handlers in one hooks.json (at `hooksPath`, as Codex names it). */
export function trustEntries(hooksPath: string, hooksJson: Json): TrustEntry[] {
  const entries: TrustEntry[] = [];
  const hooks = hooksJson.hooks;
  if (!isObject(hooks)) return entries;
  for (const [event, groups] of Object.entries(hooks)) {
    if (!Array.isArray(groups)) continue;
    groups.forEach((group, g) => {
      if (!isObject(group) || !Array.isArray(group.hooks)) return;
      group.hooks.forEach((handler, h) => {
        if (!isObject(handler) || parseGuardCommand(handler.command) === null) return;
        entries.push({ key: `${hooksPath}:${snake(event)}:${g}:${h}`, hash: handlerHash(event, group.matcher, handler) });
      });
    });
  }
  return entries;
}

const begin = (hooksPath: string) => `# claude-session-guard: trust for its hooks in ${hooksPath} (claude-session-guard uninstall --agent codex removes it)`;
const END = "# claude-session-guard: end";

/** config.toml without our block for `hooksPath` (unchanged when there is none). */
export function withoutTrust(text: string, hooksPath: string): string {
  const lines = text.split("\n");
  const start = lines.indexOf(begin(hooksPath));
  if (start < 0) return text;
  const end = lines.indexOf(END, start);
  if (end < 0) throw new SettingsError(M.codexTrustBlockOpen(hooksPath), "ESHAPE");
  // The blank line install put before the block goes with it.
  const from = start > 0 && lines[start - 1] === "" ? start - 1 : start;
  return [...lines.slice(0, from), ...lines.slice(end + 1)].join("\n");
}

/** Where config.toml defines `hooks.state` in a form a table header cannot be added to. */
const INLINE_STATE = /^\s*(?:hooks\s*=|hooks\s*\.\s*state\s*[.=]|state\s*[.=])/m;

/**
 * config.toml with our block for `hooksPath` holding `entries` (replacing the block a previous
 * install wrote). Entries Codex already records with the same hash are left to it; one recorded
 * with another hash, or a `hooks.state` written inline, is a clash this edit will not risk.
 */
export function withTrust(text: string, hooksPath: string, entries: TrustEntry[]): string {
  const rest = withoutTrust(text, hooksPath);
  const uncommented = rest.replace(/#.*$/gm, "");
  if (INLINE_STATE.test(uncommented)) throw new SettingsError(M.codexTrustInline, "ESHAPE");
  const needed: TrustEntry[] = [];
  for (const entry of entries) {
    const recorded = recordedHash(uncommented, entry.key);
    if (recorded === undefined) needed.push(entry);
    else if (recorded !== entry.hash) throw new SettingsError(M.codexTrustRecorded(entry.key), "ESHAPE");
  }
  if (needed.length === 0) return rest;
  const block = [begin(hooksPath), ...needed.flatMap((e) => [`[hooks.state.${JSON.stringify(e.key)}]`, `trusted_hash = ${JSON.stringify(e.hash)}`]), END];
  const body = rest === "" || rest.endsWith("\n") ? rest : `${rest}\n`;
  return `${body}${body === "" ? "" : "\n"}${block.join("\n")}\n`;
}

/**
 * The hash config.toml records for one hook key: undefined when it records none, null when the
 * key is there in a form this reader does not follow.
 */
export function recordedHash(text: string, key: string): string | null | undefined {
  const at = text.indexOf(key);
  if (at < 0) return undefined;
  const after = text.slice(at + key.length);
  const match = /^["']\]\s*\n\s*trusted_hash\s*=\s*"([^"]*)"/.exec(after);
  return match ? match[1]! : null;
}

/** Whether config.toml marks `root` a trusted project: Codex reads a project's .codex/ only then. */
export function projectTrusted(text: string, root: string): boolean {
  const uncommented = text.replace(/#.*$/gm, "");
  const header = uncommented.indexOf(`[projects.${JSON.stringify(root)}]`);
  if (header < 0) return false;
  const table = uncommented.slice(header).split(/\n\s*\[/, 2)[0] ?? "";
  return /\n\s*trust_level\s*=\s*"trusted"/.test(table);
}
