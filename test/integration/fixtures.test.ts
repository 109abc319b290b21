// The hook contract on payloads captured from the real Claude Code (test/fixtures/payloads),
// through the shipped bin/ -> dist/. It runs in the integration project on the Node running the
// tests, and in the node<major> projects under each other Node major users run (`engines` says
// >= 20.17), so 22 and 24 are tested, not assumed.
//
// Assumes `npm run build` already ran (`npm test` builds first).

import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { versionOf } from "../support/nodeVersions.mjs";
import { runCli, type Sandbox, sandbox, TEST_NODE } from "./support/cli.js";

const FIXTURES = join(import.meta.dirname, "../fixtures/payloads");
/** Where Claude Code 2.1.331 ran when the fixtures were captured. */
const CAPTURED_CWD = "/tmp/csg-capture-DQA4q9/workspace";

const HOLDER = "0b6f1c2e-9d4a-4f7e-8a51-3c2d1e0f9a87";
const OTHER = "7e3a9c41-2b58-4d06-9f1e-a4c8b7d65e02";

/** A captured payload moved into the sandbox: its workspace paths and session id rewritten. */
function fixture(name: string, sessionId: string, workspace: string): string {
  const captured = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), "utf8").split(CAPTURED_CWD).join(workspace));
  return JSON.stringify({ ...captured, session_id: sessionId });
}

const MAJOR = process.env.CSG_TEST_NODE_MAJOR ?? process.versions.node.split(".")[0]!;

describe(`the hook contract on captured payloads, Node ${MAJOR}`, () => {
  let box: Sandbox;
  let env: NodeJS.ProcessEnv;

  beforeEach(() => {
    box = sandbox();
    // CLAUDE_PID as Claude Code sets it for hooks: a live process, so only the TTL ages a lock.
    env = { ...box.env, CLAUDE_PID: String(process.pid) };
  });
  afterEach(() => box.cleanup());

  const hook = (command: string, input: string) => runCli([command], { input, env, cwd: box.workspace });
  const readLock = () => JSON.parse(readFileSync(box.lockPath(), "utf8")) as Record<string, unknown>;
  const exists = (path: string) => {
    try {
      statSync(path);
      return true;
    } catch {
      return false;
    }
  };
  const allowed = { code: 0, stdout: "", stderr: "" };

  it(`runs the bundle on Node ${MAJOR}`, () => {
    expect(versionOf(TEST_NODE)?.split(".")[0]).toBe(MAJOR);
  });

  it("allows the first session and writes its lock record", async () => {
    const before = Date.now();
    expect(await hook("pretooluse", fixture("pre-tool-use-write", HOLDER, box.workspace))).toEqual(allowed);
    const record = readLock();
    expect(record).toMatchObject({ schema_version: 1, session_id: HOLDER, pid: process.pid, ttl_ms: 300_000, workspace: box.workspace });
    expect(record.acquired_at).toBeGreaterThanOrEqual(before);
    expect(record.acquired_at).toBeLessThanOrEqual(Date.now());
    expect(statSync(box.runtime).mode & 0o777).toBe(0o700);
  });

  it("denies another session while the first holds the workspace, and leaves the lock alone", async () => {
    await hook("pretooluse", fixture("pre-tool-use-write", HOLDER, box.workspace));
    const held = readFileSync(box.lockPath(), "utf8");
    const result = await hook("pretooluse", fixture("pre-tool-use-edit", OTHER, box.workspace));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const lines = result.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!);
    expect(Object.keys(out)).toEqual(["hookSpecificOutput"]);
    expect(out.hookSpecificOutput).toMatchObject({ hookEventName: "PreToolUse", permissionDecision: "deny" });
    expect(out.hookSpecificOutput.permissionDecisionReason).toContain(`claude-session-guard clear --workspace ${box.workspace}`);
    expect(out.hookSpecificOutput.permissionDecisionReason).toContain(HOLDER.slice(0, 8));
    expect(readFileSync(box.lockPath(), "utf8")).toBe(held);
  });

  it("allows the holder to re-acquire its own lock", async () => {
    await hook("pretooluse", fixture("pre-tool-use-write", HOLDER, box.workspace));
    expect(await hook("pretooluse", fixture("pre-tool-use-edit", HOLDER, box.workspace))).toEqual(allowed);
    expect(readLock().session_id).toBe(HOLDER);
  });

  it("refreshes the lock on posttooluse only for its holder, and never creates one", async () => {
    expect(await hook("posttooluse", fixture("post-tool-use-edit", OTHER, box.workspace))).toEqual(allowed);
    expect(exists(box.lockPath()), "posttooluse created a lock").toBe(false);

    await hook("pretooluse", fixture("pre-tool-use-write", HOLDER, box.workspace));
    // Age the record so a refresh is visible whatever the clock's resolution.
    const aged = { ...readLock(), acquired_at: Date.now() - 60_000 };
    writeFileSync(box.lockPath(), JSON.stringify(aged));
    expect(await hook("posttooluse", fixture("post-tool-use-edit", OTHER, box.workspace))).toEqual(allowed);
    expect(readLock()).toEqual(aged);

    const before = Date.now();
    expect(await hook("posttooluse", fixture("post-tool-use-write", HOLDER, box.workspace))).toEqual(allowed);
    expect(readLock()).toMatchObject({ session_id: HOLDER });
    expect(readLock().acquired_at).toBeGreaterThanOrEqual(before);
  });

  it("releases the lock on Stop and SessionEnd only for its holder", async () => {
    await hook("pretooluse", fixture("pre-tool-use-write", HOLDER, box.workspace));
    expect(await hook("stop", fixture("stop", OTHER, box.workspace))).toEqual(allowed);
    expect(readLock().session_id).toBe(HOLDER);
    expect(await hook("stop", fixture("stop", HOLDER, box.workspace))).toEqual(allowed);
    expect(exists(box.lockPath()), "Stop left the lock").toBe(false);

    await hook("pretooluse", fixture("pre-tool-use-write", HOLDER, box.workspace));
    expect(await hook("stop", fixture("session-end", HOLDER, box.workspace))).toEqual(allowed);
    expect(exists(box.lockPath()), "SessionEnd left the lock").toBe(false);
  });

  it("tells a starting session that another one holds the workspace", async () => {
    await hook("pretooluse", fixture("pre-tool-use-write", HOLDER, box.workspace));
    const result = await hook("sessionstart", fixture("session-start", OTHER, box.workspace));
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    const out = JSON.parse(result.stdout);
    expect(out.systemMessage).toMatch(/^claude-session-guard: /);
    expect(out.hookSpecificOutput).toMatchObject({ hookEventName: "SessionStart" });
    expect(typeof out.hookSpecificOutput.additionalContext).toBe("string");
    expect(out.hookSpecificOutput.permissionDecision).toBeUndefined();
  });

  it("fails open on stdin that is not JSON, and says so", async () => {
    for (const command of ["pretooluse", "posttooluse", "stop"]) {
      const result = await hook(command, "{not json");
      expect(result.code, command).toBe(0);
      const stderrLines = result.stderr.split("\n").filter(Boolean);
      expect(stderrLines, command).toHaveLength(1);
      expect(stderrLines[0], command).toMatch(/^claude-session-guard: /);
      if (result.stdout !== "") {
        const out = JSON.parse(result.stdout);
        expect(Object.keys(out), command).toEqual(["systemMessage"]);
        expect(out.systemMessage, command).toMatch(/^claude-session-guard: /);
      }
    }
    expect(exists(box.lockPath()), "a fail-open wrote a lock").toBe(false);
  });
});
