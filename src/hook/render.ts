// HookResult -> the bytes Claude Code reads. Only the contract's shapes ever leave here: an
// allow is silent, because a printed "allow" would skip the user's own permission prompts.

import { failOpenNotice, failOpenStderr } from "../messages.js";
import type { HookResult } from "./runHook.js";

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
        stdout: `${JSON.stringify({ systemMessage: failOpenNotice(result.problem) })}\n`,
        stderr: `${failOpenStderr(oneLine(result.problem))}\n`,
      };
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ");
}
