// The hook contract's basics, through the shipped bin/ -> dist/, under each Node major users run
// besides the one the suite runs on: `engines` says >= 20.17, so 22 and 24 are tested, not
// assumed. The binaries come from the npm registry into the git-ignored .cache/ on first use
// (test/support/nodeVersions.mjs). On CI an install failure fails the run; locally it prints a
// loud notice and the affected tests end early, so an offline laptop can still run the suite.
//
// Assumes `npm run build` already ran (`npm test` builds first).

import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { EXTRA_NODE_MAJORS, ensureNode, installFailureIsFatal, loudNotice, versionOf } from "../support/nodeVersions.mjs";
import { runCli, type Sandbox, sandbox } from "./support/cli.js";

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

/** Installs (or finds) Node `major`; null when it cannot and this is not CI. */
async function nodeOrNotice(major: number): Promise<string | null> {
  try {
    return await ensureNode(major, { log: (message) => process.stderr.write(`nodeVersions: ${message}\n`) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (installFailureIsFatal()) throw new Error(`Node ${major} is required on CI and could not be installed: ${message}`);
    loudNotice([
      `Node ${major} could not be installed, so the hook contract was NOT tested on Node ${major}.`,
      ...message.split("\n"),
      "On CI (CI=true) this fails the run.",
    ]);
    return null;
  }
}

describe.each(EXTRA_NODE_MAJORS)("the hook contract on Node %i", (major) => {
  let node: string | null = null;
  let box: Sandbox;
  let env: NodeJS.ProcessEnv;

  // npm downloads about 30 MB per major on the first run; later runs find it in .cache/.
  beforeAll(async () => {
    node = await nodeOrNotice(major);
  }, 300_000);

  beforeEach(() => {
    box = sandbox();
    // CLAUDE_PID as Claude Code sets it for hooks: a live process, so only the TTL ages a lock.
    env = { ...box.env, CLAUDE_PID: String(process.pid) };
  });
  afterEach(() => box.cleanup());

  const hook = (command: string, input: string) => runCli([command], { node: node!, input, env, cwd: box.workspace });
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

  it(`runs the bundle on Node ${major}`, () => {
    if (node === null) return;
    expect(versionOf(node)?.split(".")[0]).toBe(String(major));
  });

  it("allows the first session and writes its lock record", async () => {
    if (node === null) return;
    const before = Date.now();
    expect(await hook("pretooluse", fixture("pre-tool-use-write", HOLDER, box.workspace))).toEqual(allowed);
    const record = readLock();
    expect(record).toMatchObject({ schema_version: 1, session_id: HOLDER, pid: process.pid, ttl_ms: 300_000, workspace: box.workspace });
    expect(record.acquired_at).toBeGreaterThanOrEqual(before);
    expect(record.acquired_at).toBeLessThanOrEqual(Date.now());
    expect(statSync(box.runtime).mode & 0o777).toBe(0o700);
  });

  it("denies another session while the first holds the workspace, and leaves the lock alone", async () => {
    if (node === null) return;
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
    if (node === null) return;
    await hook("pretooluse", fixture("pre-tool-use-write", HOLDER, box.workspace));
    expect(await hook("pretooluse", fixture("pre-tool-use-edit", HOLDER, box.workspace))).toEqual(allowed);
    expect(readLock().session_id).toBe(HOLDER);
  });

  it("refreshes the lock on posttooluse only for its holder, and never creates one", async () => {
    if (node === null) return;
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
    if (node === null) return;
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
    if (node === null) return;
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
    if (node === null) return;
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
