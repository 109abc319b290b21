// HookResult -> the bytes Claude Code reads. Only the contract's shapes ever leave here: an
// allow is silent, because a printed "allow" would skip the user's own permission prompts.

import { hook as M, printable } from "../messages.js";

/** What a hook call decided, before it is put in the shape Claude Code reads. */
export type HookResult =
  | { kind: "allow" }
  /** context: what only Claude reads (additionalContext beside the deny; Claude Code never shows it). */
  | { kind: "deny"; reason: string; context?: string }
  /** quiet: this session was already shown this problem; it goes to stderr (Claude Code's debug log) only. */
  | { kind: "failOpen"; problem: string; quiet?: true; self?: string }
  /** An allow that tells: a message for the user and context for Claude. */
  | { kind: "notice"; event: string; systemMessage: string; additionalContext: string };

export interface Rendered {
  stdout: string;
  stderr: string;
}

export function render(result: HookResult): Rendered {
  switch (result.kind) {
    case "allow":
      return { stdout: "", stderr: "" };
    case "deny":
      return {
        stdout: `${JSON.stringify({
          hookSpecificOutput: {
            hookEventName: "PreToolUse",
            permissionDecision: "deny",
            permissionDecisionReason: result.reason,
            ...(result.context !== undefined && { additionalContext: result.context }),
          },
        })}\n`,
        stderr: "",
      };
    case "notice":
      return {
        stdout: `${JSON.stringify({
          systemMessage: result.systemMessage,
          hookSpecificOutput: { hookEventName: result.event, additionalContext: result.additionalContext },
        })}\n`,
        stderr: "",
      };
    case "failOpen":
      return {
        stdout: result.quiet ? "" : `${JSON.stringify({ systemMessage: M.failOpenNotice(printable(oneLine(result.problem)), result.self) })}\n`,
        stderr: `${M.failOpenStderr(printable(oneLine(result.problem)))}\n`,
      };
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}
