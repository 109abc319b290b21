// One checkout, two agents: the real Claude Code (wired by settings.example.json) beside the real
// Codex CLI 0.171 and Gemini CLI 0.61 (wired by `claude-session-guard install --agent …`), each
// against its own scripted API on loopback. Whichever agent works in the workspace first, the
// other's changing calls are denied with the guard's message naming the holder's agent; its
// read-only commands still run; and when the holder ends, the lock goes with it.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, inject, it, type TestContext } from "vitest";
import { type AgentSession, startCodex, startGemini } from "./support/agentSessions.js";
import { bash, write } from "./support/fakeApi.mjs";
import { replace, runShellCommand, writeFile } from "./support/fakeGeminiApi.js";
import { addFile, execCommand, updateFile } from "./support/fakeResponsesApi.js";
import { createSandbox, lockHash, type Sandbox, type SessionResult } from "./support/session.mjs";

const claudeBin = inject("claudeBin");
const codexBin = inject("codexBin");
const geminiBin = inject("geminiBin");

const GATE_TIMEOUT_MS = 90_000;

function sandbox(onTestFinished: TestContext["onTestFinished"], agents: Array<AgentSession<{ close(): Promise<void> }>>): Sandbox {
  if (claudeBin === null) throw new Error("unreachable: the suite is skipped without Claude Code");
  const box = createSandbox(claudeBin, "csg-e2e-agents-");
  onTestFinished(async () => {
    for (const gate of box.gates) gate.release();
    await Promise.all(agents.map((session) => session.stop()));
    await box.cleanup();
  });
  return box;
}

function lockRecord(box: Sandbox, workspace: string): { session_id: string; pid: number; agent?: string } {
  return JSON.parse(readFileSync(join(box.runtimeDir, `session-lock-${lockHash(workspace)}.json`), "utf8"));
}

/** The parent of a process, from /proc. */
function parentOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
}

function claudeSummary(run: SessionResult) {
  return {
    exitCode: run.exitCode,
    denials: (run.result?.permission_denials ?? []).map((d: { tool_name: string }) => d.tool_name),
    toolResults: run.api.toolResults().map((r) => ({ is_error: r.is_error, content: r.content })),
    stderr: run.stderr,
  };
}

/** The first line of a denial by a Claude Code holder, as another agent is told it: the holder named as a Claude Code session. */
const holderIsClaude = (pid: number) => new RegExp(`claude-session-guard: Claude Code session (?:"[^"]+"|[0-9a-f]{8}) \\(pid ${pid}(?:, [^)]*)?\\) holds this workspace, so this \\w+ was not run\\. Wait, or use a git worktree\\.`);

describe.skipIf(claudeBin === null || codexBin === null).concurrent("Codex CLI beside Claude Code", () => {
  it("denies Codex's shell write and apply_patch while Claude Code works in the workspace, naming the Claude Code session; its read-only command runs", async ({
    expect,
    onTestFinished,
  }) => {
    const agents: AgentSession<{ close(): Promise<void> }>[] = [];
    const box = sandbox(onTestFinished, agents);
    const ws = box.gitRepo("ws");
    const gate = box.gate();
    const claude = await box.startSession({ cwd: ws, script: [bash(gate.command, { timeout: GATE_TIMEOUT_MS })] });
    await gate.waitStarted(claude);
    const holder = lockRecord(box, ws);

    const codex = await startCodex(box, codexBin!, {
      cwd: ws,
      script: [execCommand("cat README.md"), execCommand("echo codex > from-codex.txt"), addFile("added-by-codex.txt", "codex"), updateFile("README.md", "e2e workspace", "changed by codex")],
    });
    agents.push(codex);
    const run = await codex.done;
    gate.release();
    const claudeRun = await claude.done;

    expect(claudeSummary(claudeRun)).toMatchObject({ exitCode: 0, denials: [] });
    expect(run.exitCode, run.stderr).toBe(0);
    const outputs = codex.api.toolOutputs().map((o) => o.output);
    // On failure, everything the model was told and what Codex printed, at once.
    const seen = `${JSON.stringify(outputs, null, 2)}\n${run.stderr}`;
    expect(outputs, seen).toHaveLength(4);
    expect(outputs[0]).toContain("e2e workspace");
    for (const output of outputs.slice(1)) {
      expect(output, seen).toMatch(/^Command blocked by PreToolUse hook: /);
      expect(output).toMatch(holderIsClaude(claude.child.pid!));
      // Codex hands its model the reason alone, so the details Claude Code would get apart are in it.
      expect(output).toContain(`Held by: session ${holder.session_id.slice(0, 8)} (pid ${claude.child.pid})`);
      expect(output).toContain(`claude-session-guard clear --workspace ${ws}`);
    }
    expect(existsSync(join(ws, "from-codex.txt"))).toBe(false);
    expect(existsSync(join(ws, "added-by-codex.txt"))).toBe(false);
    expect(readFileSync(join(ws, "README.md"), "utf8")).toBe("e2e workspace\n");
    expect(box.lockFiles()).toEqual([]);
  });

  it("denies Claude Code's Write and Bash while Codex works in the workspace, naming the Codex session, and lets go when Codex ends", async ({
    expect,
    onTestFinished,
  }) => {
    const agents: AgentSession<{ close(): Promise<void> }>[] = [];
    const box = sandbox(onTestFinished, agents);
    const ws = box.gitRepo("ws");
    const gate = box.gate();
    const codex = await startCodex(box, codexBin!, { cwd: ws, script: [execCommand(gate.command, { yield_time_ms: GATE_TIMEOUT_MS })] });
    agents.push(codex);
    await codex.waitFor(gate.started);
    // The holder is the Codex process itself, named after its agent so its id can never be a Claude Code session's.
    const record = lockRecord(box, ws);
    expect(record).toMatchObject({ agent: "codex", pid: codex.child.pid, session_id: expect.stringMatching(/^codex:[0-9a-f-]{36}$/) });

    const claude = await box.runSession({
      cwd: ws,
      script: [write(join(ws, "from-claude.txt"), "claude\n"), bash(`echo claude > '${join(ws, "from-claude-bash.txt")}'`), bash("git status --short")],
    });
    gate.release();
    const codexRun = await codex.done;

    expect(codexRun.exitCode, codexRun.stderr).toBe(0);
    expect(claudeSummary(claude)).toMatchObject({ exitCode: 0, denials: ["Write", "Bash"], toolResults: [{ is_error: true }, { is_error: true }, { is_error: false }] });
    for (const { content } of claude.api.toolResults().slice(0, 2)) {
      expect(content).toMatch(
        new RegExp(`^PreToolUse:(Write|Bash) hook error: claude-session-guard: Codex CLI session ${record.session_id.slice("codex:".length, "codex:".length + 8)} \\(pid ${codex.child.pid}\\) holds this workspace, so this \\1 was not run\\.`),
      );
    }
    expect(existsSync(join(ws, "from-claude.txt"))).toBe(false);
    expect(existsSync(join(ws, "from-claude-bash.txt"))).toBe(false);
    // Codex's Stop and SessionEnd hooks released the workspace: Claude Code gets in now.
    expect(box.lockFiles()).toEqual([]);
    const after = await box.runSession({ cwd: ws, script: [write(join(ws, "after.txt"), "after\n")] });
    expect(claudeSummary(after)).toMatchObject({ exitCode: 0, denials: [] });
    expect(readFileSync(join(ws, "after.txt"), "utf8")).toBe("after\n");
  });
});

describe.skipIf(claudeBin === null || geminiBin === null).concurrent("Gemini CLI beside Claude Code", () => {
  it("denies Gemini's write_file, replace and writing shell command while Claude Code works in the workspace, naming the Claude Code session; its read-only command runs", async ({
    expect,
    onTestFinished,
  }) => {
    const agents: AgentSession<{ close(): Promise<void> }>[] = [];
    const box = sandbox(onTestFinished, agents);
    const ws = box.gitRepo("ws");
    const gate = box.gate();
    const claude = await box.startSession({ cwd: ws, script: [bash(gate.command, { timeout: GATE_TIMEOUT_MS })] });
    await gate.waitStarted(claude);
    const holder = lockRecord(box, ws);

    const gemini = await startGemini(box, geminiBin!, {
      cwd: ws,
      script: [
        runShellCommand("cat README.md"),
        writeFile("from-gemini.txt", "gemini\n"),
        replace("README.md", "e2e workspace", "changed by gemini"),
        runShellCommand("echo gemini > from-gemini-shell.txt"),
      ],
    });
    agents.push(gemini);
    const run = await gemini.done;
    gate.release();
    await claude.done;

    expect(run.exitCode, run.stderr).toBe(0);
    const responses = gemini.api.functionResponses();
    // On failure, everything the model was told and what Gemini CLI printed, at once.
    const seen = `${JSON.stringify(responses, null, 2)}\n${run.stderr}`;
    expect(responses.map((r) => r.name), seen).toEqual(["run_shell_command", "write_file", "replace", "run_shell_command"]);
    expect(JSON.stringify(responses[0]!.response)).toContain("e2e workspace");
    for (const { response } of responses.slice(1)) {
      expect(response.error, seen).toMatch(/^Tool execution blocked: /);
      expect(response.error).toMatch(holderIsClaude(claude.child.pid!));
      expect(response.error).toContain(`Held by: session ${holder.session_id.slice(0, 8)} (pid ${claude.child.pid})`);
    }
    expect(existsSync(join(ws, "from-gemini.txt"))).toBe(false);
    expect(existsSync(join(ws, "from-gemini-shell.txt"))).toBe(false);
    expect(readFileSync(join(ws, "README.md"), "utf8")).toBe("e2e workspace\n");
    // Gemini CLI shows its user nothing of a denial unless the hook says it: the guard does.
    expect(run.stderr).toMatch(holderIsClaude(claude.child.pid!));
    expect(box.lockFiles()).toEqual([]);
  });

  it("denies Claude Code's Write and Bash while Gemini works in the workspace, naming the Gemini session, and lets go when Gemini ends", async ({
    expect,
    onTestFinished,
  }) => {
    const agents: AgentSession<{ close(): Promise<void> }>[] = [];
    const box = sandbox(onTestFinished, agents);
    const ws = box.gitRepo("ws");
    const gate = box.gate();
    // Gemini CLI refuses commands with `$(`, which the gate's loop counter uses: the same wait, bounded by timeout(1) instead.
    const geminiGate = `touch '${gate.started}'; timeout 90 sh -c 'while [ ! -e "${gate.released}" ]; do sleep 0.05; done'; echo gate-opened`;
    const gemini = await startGemini(box, geminiBin!, { cwd: ws, script: [runShellCommand(geminiGate)] });
    agents.push(gemini);
    await gemini.waitFor(gate.started);
    // The holder is the Gemini CLI process that runs the session: the child its launcher started.
    const record = lockRecord(box, ws);
    expect(record).toMatchObject({ agent: "gemini", session_id: expect.stringMatching(/^gemini:[0-9a-f-]{36}$/) });
    expect(parentOf(record.pid)).toBe(gemini.child.pid);

    const claude = await box.runSession({
      cwd: ws,
      script: [write(join(ws, "from-claude.txt"), "claude\n"), bash(`echo claude > '${join(ws, "from-claude-bash.txt")}'`), bash("git status --short")],
    });
    gate.release();
    const geminiRun = await gemini.done;

    expect(geminiRun.exitCode, geminiRun.stderr).toBe(0);
    expect(claudeSummary(claude)).toMatchObject({ exitCode: 0, denials: ["Write", "Bash"], toolResults: [{ is_error: true }, { is_error: true }, { is_error: false }] });
    for (const { content } of claude.api.toolResults().slice(0, 2)) {
      expect(content).toMatch(
        new RegExp(`^PreToolUse:(Write|Bash) hook error: claude-session-guard: Gemini CLI session ${record.session_id.slice("gemini:".length, "gemini:".length + 8)} \\(pid ${record.pid}\\) holds this workspace, so this \\1 was not run\\.`),
      );
    }
    expect(existsSync(join(ws, "from-claude.txt"))).toBe(false);
    expect(existsSync(join(ws, "from-claude-bash.txt"))).toBe(false);
    // Gemini's AfterAgent and SessionEnd hooks released the workspace.
    expect(box.lockFiles()).toEqual([]);
  });
});
