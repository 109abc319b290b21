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
    case "failOpen": {
      if (result.quiet) return { stdout: "", stderr: failOpenTexts(result.problem).stderr };
      const { notice, stderr } = failOpenTexts(result.problem, result.self);
      return { stdout: `${JSON.stringify({ systemMessage: notice })}\n`, stderr };
    }
  }
}

/** What a fail-open says: a warning for the user (each agent shows it its own way) and the stderr line. */
export function failOpenTexts(problem: string, self?: string): { notice: string; stderr: string } {
  const line = printable(oneLine(problem));
  return { notice: M.failOpenNotice(line, self), stderr: `${M.failOpenStderr(line)}\n` };
}

/** A denial whole, for agents that have one channel to the model: the reason, then what Claude Code gets as additionalContext. */
export function denialText(result: { reason: string; context?: string }): string {
  return result.context === undefined ? result.reason : `${result.reason}\n${result.context}`;
}

/** The first line of a denial: complete on its own (messages.ts), for agents that show users one line. */
export function firstLine(text: string): string {
  return text.split("\n", 1)[0]!;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}
