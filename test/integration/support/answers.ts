// The contract's answer shapes, asserted exactly: what a hook may print, and nothing else.

import { expect } from "vitest";
import type { CliResult } from "./cli.js";

export function expectAllow(result: CliResult) {
  expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
}

export function expectDeny(result: CliResult): string {
  expect(result.code).toBe(0);
  expect(result.stderr).toBe("");
  const lines = result.stdout.trim().split("\n");
  expect(lines).toHaveLength(1);
  const out = JSON.parse(lines[0]!);
  expect(Object.keys(out)).toEqual(["hookSpecificOutput"]);
  expect(Object.keys(out.hookSpecificOutput).sort()).toEqual(["additionalContext", "hookEventName", "permissionDecision", "permissionDecisionReason"]);
  expect(out.hookSpecificOutput.hookEventName).toBe("PreToolUse");
  expect(out.hookSpecificOutput.permissionDecision).toBe("deny");
  // What Claude reads: the reason (also shown to the person), then the context (Claude only).
  return `${out.hookSpecificOutput.permissionDecisionReason}\n${out.hookSpecificOutput.additionalContext}`;
}

export function expectFailOpen(result: CliResult): string {
  expect(result.code).toBe(0);
  const stderrLines = result.stderr.split("\n").filter(Boolean);
  expect(stderrLines).toHaveLength(1);
  expect(stderrLines[0]).toMatch(/^claude-session-guard: /);
  if (result.stdout !== "") {
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!);
    expect(Object.keys(out)).toEqual(["systemMessage"]);
    expect(out.systemMessage).toMatch(/^claude-session-guard: /);
  }
  return stderrLines[0]!;
}

