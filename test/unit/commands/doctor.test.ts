import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunResult } from "../../../src/commands/deps.js";
import { answerProblem, doctorCommand } from "../../../src/commands/doctor.js";
import { ansi } from "../../../src/commands/style.js";
import { runtimeDir } from "../../../src/host/paths.js";
import { workspaceKey } from "../../../src/host/workspace.js";
import { fileStore } from "../../../src/lock/fileStore.js";
import { StoreError } from "../../../src/errors.js";
import { type Fake, fakeDeps, NOW, writeLock } from "./fakeDeps.js";

const example = readFileSync(join(import.meta.dirname, "../../../settings.example.json"), "utf8");
const DENY = JSON.stringify({ hookSpecificOutput: { hookEventName: "PreToolUse", permissionDecision: "deny", permissionDecisionReason: "held" } });
const ok = (stdout = ""): RunResult => ({ exitCode: 0, stdout, stderr: "", timedOut: false });

let deps: Fake;
beforeEach(() => {
  deps = fakeDeps();
  // A guard that behaves: the second session is denied while the first holds the lock.
  let holder: string | null = null;
  deps.runShell = async (command, input, env) => {
    deps.shell.push({ command, input, env });
    const { session_id: session, hook_event_name: event } = JSON.parse(input);
    if (event === "PreToolUse") {
      if (holder !== null && holder !== session) return ok(DENY);
      holder = session;
    }
    if (event === "Stop" && holder === session) holder = null;
    return ok();
  };
  const bin = join(deps.root, "bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "claude-session-guard"), "#!/bin/sh\n");
  chmodSync(join(bin, "claude-session-guard"), 0o755);
  deps.env = { ...deps.env, PATH: `${bin}:/usr/bin:/bin` };
});
afterEach(() => deps.cleanup());

function user(text = example) {
  mkdirSync(deps.env.CLAUDE_CONFIG_DIR!, { recursive: true });
  writeFileSync(join(deps.env.CLAUDE_CONFIG_DIR!, "settings.json"), text);
}

function project(text = example) {
  mkdirSync(join(deps.workspace, ".claude"), { recursive: true });
  writeFileSync(join(deps.workspace, ".claude", "settings.json"), text);
}

async function doctor(options: { settings?: string[] } = {}) {
  const result = await doctorCommand({ ...options, json: true }, deps);
  const data = JSON.parse(result.stdout) as { ok: boolean; checks: Array<{ id: string; status: string; message: string; hint: string | null }> };
  return { exitCode: result.exitCode, ok: data.ok, status: Object.fromEntries(data.checks.map((c) => [c.id, c.status])), checks: data.checks };
}

describe("doctorCommand", () => {
  it("passes a project wired like settings.example.json, after a live self-test", async () => {
    project();
    const result = await doctor();
    expect(result).toMatchObject({ exitCode: 0, ok: true });
    expect(result.status).toMatchObject({ "self-test": "pass", executable: "pass", "runtime-dir": "pass", lock: "pass", "running-sessions": "info" });
    expect(deps.shell.map((s) => [s.command, JSON.parse(s.input).session_id, JSON.parse(s.input).hook_event_name])).toEqual([
      ["claude-session-guard pretooluse", "doctor-self-test-a", "PreToolUse"],
      ["claude-session-guard pretooluse", "doctor-self-test-b", "PreToolUse"],
      ["claude-session-guard posttooluse", "doctor-self-test-a", "PostToolUse"],
      ["claude-session-guard stop", "doctor-self-test-a", "Stop"],
      ["claude-session-guard pretooluse", "doctor-self-test-b", "PreToolUse"],
      ["claude-session-guard stop", "doctor-self-test-b", "Stop"],
    ]);
  });

  it("runs the self-test in a throwaway config dir and workspace, never the real ones, with the guard enabled", async () => {
    project();
    deps.env = { ...deps.env, CLAUDE_SESSION_GUARD_DISABLE: "1", CLAUDE_SESSION_GUARD_WORKSPACE_ID: "shared" };
    const result = await doctor();
    expect(result.status.disabled).toBe("warn");
    for (const { env } of deps.shell) {
      expect(env.CLAUDE_CONFIG_DIR).not.toBe(deps.env.CLAUDE_CONFIG_DIR);
      expect(env.HOME).not.toBe(deps.env.HOME);
      expect(env.CLAUDE_SESSION_GUARD_WORKSPACE).toMatch(/claude-session-guard-doctor-.*\/workspace$/);
      expect(env.CLAUDE_SESSION_GUARD_DISABLE).toBeUndefined();
      expect(env.CLAUDE_SESSION_GUARD_WORKSPACE_ID).toBeUndefined();
    }
  });

  it("answers in one line, with exit 1 and the command to run, when nothing is installed", async () => {
    const result = await doctorCommand({}, deps);
    expect(result).toEqual({
      exitCode: 1,
      stdout:
        "claude-session-guard is not installed for sessions started here: no settings file Claude Code reads here runs it, and no session-guard plugin is enabled. " +
        "To guard every session: claude-session-guard install\n",
    });
    expect(await doctor()).toMatchObject({ exitCode: 1, ok: false, status: { installed: "fail" } });
    expect(deps.shell).toEqual([]);
  });

  it("names the program in that line as it can be run here (not on PATH: by its path)", async () => {
    deps.selfInvocation = () => "'/opt/my tools/claude-session-guard'";
    expect((await doctorCommand({}, deps)).stdout).toMatch(/To guard every session: '\/opt\/my tools\/claude-session-guard' install\n$/);
  });

  it("still shows every check when a settings file it reads is broken, since it may hold the hooks", async () => {
    project("{ not json");
    const result = await doctor();
    expect(result.status).toMatchObject({ "settings:project": "fail", pretooluse: "fail" });
  });

  it("fails the self-test when the command fails open, quoting its warning", async () => {
    project();
    deps.runShell = async () => ok(JSON.stringify({ systemMessage: "claude-session-guard: not guarding this workspace: disk full" }));
    const result = await doctor();
    expect(result.status["self-test"]).toBe("fail");
    expect(result.checks.find((c) => c.id === "self-test")?.message).toContain("the hook failed open: claude-session-guard: not guarding");
  });

  it("fails the executable check for a command that is not on PATH, and skips the self-test", async () => {
    project(example.replaceAll("claude-session-guard ", "/nowhere/claude-session-guard "));
    const result = await doctor();
    expect(result.status.executable).toBe("fail");
    expect(result.status["self-test"]).toBeUndefined();
    expect(deps.shell).toEqual([]);
  });

  it("reads only the files given with --settings, and recognises a plugin's hooks.json", async () => {
    const plugin = join(deps.root, "plugin");
    mkdirSync(join(plugin, ".claude-plugin"), { recursive: true });
    mkdirSync(join(plugin, "hooks"));
    mkdirSync(join(plugin, "bin"));
    writeFileSync(join(plugin, ".claude-plugin", "plugin.json"), '{"name":"session-guard"}');
    writeFileSync(join(plugin, "bin", "claude-session-guard.js"), "");
    writeFileSync(join(plugin, "hooks", "hooks.json"), readFileSync(join(import.meta.dirname, "../../../hooks/hooks.json")));
    project("{}");
    const result = await doctor({ settings: [join(plugin, "hooks", "hooks.json")] });
    expect(result.ok).toBe(true);
    expect(Object.keys(result.status)).not.toContain("settings:project");
    expect(deps.shell[0]?.command).toBe('node "${CLAUDE_PLUGIN_ROOT}/bin/claude-session-guard.js" pretooluse');
    expect(deps.shell[0]?.env.CLAUDE_PLUGIN_ROOT).toBe(plugin);
  });

  it("follows enabledPlugins to the installed session-guard plugin", async () => {
    const installed = join(deps.root, "cache", "session-guard", "0.1.0");
    mkdirSync(join(installed, "hooks"), { recursive: true });
    mkdirSync(join(installed, "bin"));
    writeFileSync(join(installed, "bin", "claude-session-guard.js"), "");
    writeFileSync(join(installed, "hooks", "hooks.json"), readFileSync(join(import.meta.dirname, "../../../hooks/hooks.json")));
    const config = deps.env.CLAUDE_CONFIG_DIR!;
    mkdirSync(join(config, "plugins"), { recursive: true });
    writeFileSync(join(config, "settings.json"), JSON.stringify({ enabledPlugins: { "session-guard@session-guard": true } }));
    writeFileSync(
      join(config, "plugins", "installed_plugins.json"),
      JSON.stringify({ version: 2, plugins: { "session-guard@session-guard": [{ scope: "user", installPath: installed }] } }),
    );
    const result = await doctor();
    expect(result.status).toMatchObject({ "settings:plugin session-guard@session-guard": "pass", pretooluse: "pass" });
    expect(result.ok).toBe(true);
  });

  it("fails a settings file that is not JSON, naming the line", async () => {
    project('{\n  "hooks": {,}\n}\n');
    const check = (await doctor()).checks.find((c) => c.id === "settings:project");
    expect(check).toMatchObject({ status: "fail", message: expect.stringContaining("is not valid JSON: line 2, column 13") });
  });

  it("warns about a stale lock left on this workspace, and fails one that is a directory", async () => {
    project();
    writeLock(deps, workspaceKey(deps.workspace), { session_id: "old-1", pid: 1, acquired_at: NOW - 900_000, ttl_ms: 300_000 });
    const stale = await doctor();
    expect(stale.status.lock).toBe("warn");
    expect(stale.checks.find((c) => c.id === "lock")?.hint).toBe(`claude-session-guard clear --workspace ${deps.workspace}`);
    expect(stale.ok).toBe(true);

    const path = writeLock(deps, workspaceKey(deps.workspace), "");
    rmSync(path);
    mkdirSync(path);
    const dir = await doctor();
    expect(dir.status.lock).toBe("fail");
    expect(dir.checks.find((c) => c.id === "lock")?.hint).toBe(`remove it by hand: rm -r ${path}`);
  });

  it("fails when the runtime dir cannot be used", async () => {
    project();
    writeFileSync(join(deps.root, "not-a-dir"), "");
    deps.env = { ...deps.env, CLAUDE_CONFIG_DIR: join(deps.root, "not-a-dir") };
    const result = await doctor();
    expect(result.status["runtime-dir"]).toBe("fail");
    expect(runtimeDir(deps.env)).toContain("not-a-dir");
  });

  it("says, run below a project-scope repository's root, that sessions started here are not guarded", async () => {
    project();
    mkdirSync(join(deps.workspace, "pkg"));
    deps.cwd = join(deps.workspace, "pkg");
    expect(await doctorCommand({}, deps)).toEqual({
      exitCode: 1,
      stdout:
        `Sessions started here are not guarded: the guard's hooks are in ${deps.workspace}/.claude/settings.json, which Claude Code reads only for sessions started in ${deps.workspace}, ` +
        `not in ${join(deps.workspace, "pkg")}. To guard every session: claude-session-guard install\n`,
    });
  });

  it("notes, below a project-scope repository's root, that the root's settings are not read there, when other wiring guards it", async () => {
    project();
    user();
    mkdirSync(join(deps.workspace, "pkg"));
    deps.cwd = join(deps.workspace, "pkg");
    const result = await doctor();
    expect(result).toMatchObject({ exitCode: 0, ok: true, status: { "start-directory": "info", reach: "pass", "settings:project": "info" } });
    expect(result.checks.find((c) => c.id === "start-directory")?.message).toBe(
      `${deps.workspace}/.claude/settings.json has the guard's hooks too, but Claude Code reads it only for sessions started in ${deps.workspace}, not in ${join(deps.workspace, "pkg")}; the files above guard sessions started here`,
    );
  });

  it("reads the repository's local settings from a subdirectory, as Claude Code does, and says which sessions they leave out", async () => {
    mkdirSync(join(deps.workspace, ".claude"));
    writeFileSync(join(deps.workspace, ".claude", "settings.local.json"), example);
    mkdirSync(join(deps.workspace, "pkg"));
    deps.cwd = join(deps.workspace, "pkg");
    const result = await doctor();
    expect(result).toMatchObject({ exitCode: 0, ok: true });
    expect(result.status).toMatchObject({ "settings:repository local": "pass", pretooluse: "pass", reach: "warn" });
    expect(result.checks.find((c) => c.id === "reach")?.message).toBe(
      `Not guarded with repository local settings: sessions started outside ${deps.workspace} and its git worktrees that change it through --add-dir, ` +
        `because Claude Code never loads hooks from added directories (sessions started anywhere in the repository read ${deps.workspace}/.claude/settings.local.json)`,
    );
  });

  it("warns that project settings leave out subdirectories and --add-dir, and passes user settings, which reach every session", async () => {
    project();
    const narrow = await doctor();
    expect(narrow.checks.find((c) => c.id === "reach")).toMatchObject({
      status: "warn",
      message: expect.stringMatching(/^Not guarded with project settings: sessions started in a subdirectory of .*--add-dir, because Claude Code never loads hooks from added directories$/),
      hint: "run `claude-session-guard install` (user scope, the default) to guard every session",
    });
    user();
    const wide = await doctor();
    expect(wide.checks.find((c) => c.id === "reach")).toMatchObject({ status: "pass", message: "the guard's hooks reach every session of this user (user)" });
  });

  it("paints each status word and the summary for a terminal, and nothing a check quotes", async () => {
    project();
    user();
    deps.env = { ...deps.env, CLAUDE_SESSION_GUARD_DISABLE: "on" };
    const plainText = (await doctorCommand({}, deps)).stdout;
    deps.paint = ansi;
    const painted = (await doctorCommand({}, deps)).stdout;
    expect(painted).toMatch(/^\u001b\[32mpass\u001b\[39m {2}settings:user: /);
    expect(painted).toContain("\n\u001b[33mWARN\u001b[39m  disabled: CLAUDE_SESSION_GUARD_DISABLE=on is set here");
    expect(painted.trimEnd().split("\n").at(-1)).toBe(`\u001b[33m${plainText.trimEnd().split("\n").at(-1)}\u001b[39m`);
    // The first run created the runtime dir and says so; apart from that, the same text.
    expect(painted.replace(/\u001b\[\d+m/g, "")).toBe(plainText.replace(" (created it)", ""));
  });

  it.each([
    ["1", "warn", "CLAUDE_SESSION_GUARD_DISABLE=1 is set here: hooks started from this environment allow everything, so sessions started from it are not guarded"],
    ["yes", "warn", "CLAUDE_SESSION_GUARD_DISABLE=yes is set here: hooks started from this environment allow everything, so sessions started from it are not guarded"],
    ["maybe", "warn", 'CLAUDE_SESSION_GUARD_DISABLE="maybe" is not an on/off value (1, true, yes, on turn the guard off; 0, false, no, off keep it on), so the guard stays on'],
    ["off", undefined, undefined],
  ])("reads CLAUDE_SESSION_GUARD_DISABLE=%s as the hooks do", async (value, status, message) => {
    project();
    user();
    deps.env = { ...deps.env, CLAUDE_SESSION_GUARD_DISABLE: value };
    const result = await doctor();
    expect(result.checks.find((c) => c.id === "disabled")).toEqual(status === undefined ? undefined : expect.objectContaining({ status, message }));
  });

  it("never ends on 'All checks passed' after a warning: the disable switch, for one", async () => {
    project();
    user();
    const clean = (await doctorCommand({}, deps)).stdout.trimEnd().split("\n").at(-1);
    expect(clean).toBe("All checks passed: new Claude Code sessions in this directory are guarded.");
    deps.env = { ...deps.env, CLAUDE_SESSION_GUARD_DISABLE: "true" };
    const result = await doctorCommand({}, deps);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("WARN  disabled: ");
    expect(result.stdout.trimEnd().split("\n").at(-1)).toBe(
      "No check failed, but read the line marked WARN: each says where sessions may not be guarded, or what may go wrong.",
    );
  });
});

describe("answerProblem", () => {
  it("accepts the contract's two shapes and names everything else", () => {
    expect(answerProblem(ok(), "allow")).toBeNull();
    expect(answerProblem(ok(`${DENY}\n`), "deny")).toBeNull();
    expect(answerProblem(ok(), "deny")).toBe("expected a PreToolUse deny object, got nothing (an allow)");
    expect(answerProblem(ok('{"hookSpecificOutput":{"hookEventName":"PreToolUse","permissionDecision":"allow"}}'), "allow")).toMatch(/must print nothing/);
    expect(answerProblem({ exitCode: 2, stdout: "", stderr: "boom\nmore", timedOut: false }, "allow")).toBe("exited with 2: boom");
    expect(answerProblem({ exitCode: null, stdout: "", stderr: "", timedOut: true }, "allow")).toBe("did not answer within its timeout");
    expect(answerProblem({ exitCode: null, stdout: "", stderr: "", timedOut: false, error: "spawn ENOENT" }, "allow")).toBe("could not start: spawn ENOENT");
    expect(answerProblem(ok("hello"), "allow")).toMatch(/not JSON/);
  });
});

describe("doctorCommand on the Redis store", () => {
  const SECRET = "s3cr3t-pw";
  const URL = `redis://:${SECRET}@127.0.0.1:6399`;
  const DISPLAY = "redis://127.0.0.1:6399/0";

  /** The file store under a Redis name, so no Redis is needed; `fail` makes every read throw. */
  function fakeRedis(fail?: string) {
    const flags: Array<string | undefined> = [];
    deps.openStore = (choice) => {
      flags.push(choice.kind === "redis" ? choice.connection().url : undefined);
      const files = fileStore(runtimeDir(deps.env), { now: () => NOW });
      return {
        ...files,
        location: (key: string) => `${DISPLAY} claude-session-guard:lock:${key}`,
        read: fail === undefined ? files.read : () => Promise.reject(new StoreError(fail, "ECONNREFUSED")),
      };
    };
    return flags;
  }

  const lines = async (options: { store?: string } = {}) => (await doctorCommand(options, deps)).stdout;

  it("checks that Redis answers instead of the runtime dir, and warns without a workspace id", async () => {
    project();
    deps.env = { ...deps.env, CLAUDE_SESSION_GUARD_STORE: URL };
    fakeRedis();
    const result = await doctor();
    expect(result).toMatchObject({ exitCode: 0, ok: true });
    expect(result.status).toMatchObject({ store: "pass", "workspace-id": "warn", lock: "pass" });
    expect(result.status["runtime-dir"]).toBeUndefined();
    expect(result.checks.map((c) => c.id).slice(-5)).toEqual(["self-test", "store", "workspace-id", "lock", "running-sessions"]);
    expect(result.checks.find((c) => c.id === "store")?.message).toBe(`the Redis lock store at ${DISPLAY} answers (read this workspace's lock in 0 ms)`);
    expect(result.checks.find((c) => c.id === "workspace-id")?.message).toContain(
      "hosts that mount the workspace at different paths will not see each other's locks",
    );
    expect(result.checks.find((c) => c.id === "lock")?.message).toBe(`no lock on ${deps.workspace} in the Redis lock store at ${DISPLAY}`);
    expect(JSON.stringify(result.checks)).not.toContain(SECRET);
  });

  it("passes the workspace-id check when CLAUDE_SESSION_GUARD_WORKSPACE_ID is set", async () => {
    project();
    deps.env = { ...deps.env, CLAUDE_SESSION_GUARD_STORE: URL, CLAUDE_SESSION_GUARD_WORKSPACE_ID: "acme/app" };
    fakeRedis();
    const result = await doctor();
    expect(result.checks.find((c) => c.id === "workspace-id")).toMatchObject({
      status: "pass",
      message: `CLAUDE_SESSION_GUARD_WORKSPACE_ID is "acme/app": every host that sets the same id shares this workspace's lock (claude-session-guard:lock:${workspaceKey("acme/app")})`,
    });
  });

  it("fails, with exit 1, when Redis does not answer, and hides the password in what it quotes", async () => {
    project();
    deps.env = { ...deps.env, CLAUDE_SESSION_GUARD_STORE: URL };
    fakeRedis(`cannot reach the Redis lock store (AUTH ${SECRET} refused)`);
    const result = await doctor();
    expect(result).toMatchObject({ exitCode: 1, ok: false });
    const store = result.checks.find((c) => c.id === "store");
    expect(store).toMatchObject({ status: "fail", message: "cannot reach the Redis lock store (AUTH *** refused); until it answers, every hook fails open (allows everything)" });
    expect(store?.hint).toBe(`start Redis at ${DISPLAY} or make it reachable from here, or fix the host, port and password in CLAUDE_SESSION_GUARD_STORE`);
    expect(result.status.lock).toBeUndefined();
    expect(result.status["workspace-id"]).toBe("warn");
  });

  it("takes --store over the environment, for its own checks and for the self-test", async () => {
    project();
    deps.env = { ...deps.env, CLAUDE_SESSION_GUARD_STORE: "redis://other-host:1" };
    const flags = fakeRedis();
    const out = await lines({ store: URL });
    expect(out).toContain(`pass  store: the Redis lock store at ${DISPLAY} answers`);
    expect(out).not.toContain("other-host");
    expect(out).not.toContain(SECRET);
    expect(flags).toEqual([URL]);
    expect(deps.shell.map((s) => s.env.CLAUDE_SESSION_GUARD_STORE)).toEqual(Array(6).fill(URL));
  });

  it("fails a CLAUDE_SESSION_GUARD_STORE that is not a Redis URL, and refuses such a --store as a usage error", async () => {
    project();
    deps.env = { ...deps.env, CLAUDE_SESSION_GUARD_STORE: `redis://:${SECRET}@host/not-a-db` };
    const result = await doctor();
    expect(result.checks.find((c) => c.id === "store")).toMatchObject({
      status: "fail",
      message: expect.stringMatching(/^CLAUDE_SESSION_GUARD_STORE must be a Redis URL, .*, so every hook started from here fails open/),
    });
    expect(result.exitCode).toBe(1);
    expect(JSON.stringify(result.checks)).not.toContain(SECRET);
    await expect(doctorCommand({ store: `http://:${SECRET}@host` }, deps)).rejects.toMatchObject({ exitCode: 2, message: expect.stringMatching(/^--store must be/) });
  });

  it("keeps the file store's checks when an empty --store overrides the environment", async () => {
    project();
    deps.env = { ...deps.env, CLAUDE_SESSION_GUARD_STORE: URL };
    const result = await doctorCommand({ store: "", json: true }, deps);
    const ids = (JSON.parse(result.stdout) as { checks: Array<{ id: string }> }).checks.map((c) => c.id);
    expect(ids).toContain("runtime-dir");
    expect(ids).not.toContain("workspace-id");
  });
});
