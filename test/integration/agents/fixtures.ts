// Other agents' payloads (test/fixtures/agents) put into a test's own workspace, and the hook run
// with them through the built binary.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type CliResult, runCli, type Sandbox } from "../support/cli.js";

const DIR = join(import.meta.dirname, "../../fixtures/agents");

/** A fixture's JSON text with its workspace replaced by `workspace`, and `over` merged on top. */
export function agentPayload(path: string, workspace: string, over: Record<string, unknown> = {}): string {
  const value = JSON.parse(readFileSync(join(DIR, path), "utf8").replaceAll("/WORKSPACE", workspace));
  return JSON.stringify({ ...value, ...over });
}

export function agentHook(box: Sandbox, command: string, input: string, args: string[] = [], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return runCli([command, ...args], { input, env: { ...box.env, ...env } });
}

export function readLock(box: Sandbox, workspace = box.workspace): Record<string, unknown> {
  return JSON.parse(readFileSync(box.lockPath(workspace), "utf8"));
}
