// The plugin form against the real Claude Code: a copy of the repository's tracked files only
// (no node_modules, nothing git ignores: what `/plugin marketplace add <repo>` gets), validated
// by `claude plugin validate`, loaded with `--plugin-dir` and, separately, installed from its
// marketplace; in each case the two-session test must hold with no guard hooks in settings.
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, inject, it, type TestContext } from "vitest";
import { bash, write } from "./support/fakeApi.mjs";
import { REPO_ROOT } from "./support/claudeCode.mjs";
import { createSandbox, lockHash, type Sandbox } from "./support/session.mjs";

const claudeBin = inject("claudeBin");
const GATE_TIMEOUT_MS = 90_000;

/** The files a clone of the repository holds: tracked, plus new ones not (yet) committed but not ignored. */
function cloneLikeCopy(dest: string): string[] {
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: REPO_ROOT, encoding: "utf8" })
    .split("\0")
    .filter(Boolean)
    .filter((path) => existsSync(join(REPO_ROOT, path)) && !path.startsWith(".cache/"));
  for (const path of listed) {
    const target = join(dest, path);
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(REPO_ROOT, path), target);
    chmodSync(target, statSync(join(REPO_ROOT, path)).mode & 0o777);
  }
  return listed;
}

/** A sandbox whose `claude` loads the plugin copy with --plugin-dir, and whose settings have no hooks. */
function pluginSandbox(onTestFinished: TestContext["onTestFinished"], mode: "plugin-dir" | "marketplace") {
  if (claudeBin === null) throw new Error("unreachable: the suite is skipped without Claude Code");
  const plain = createSandbox(claudeBin, "csg-e2e-plugin-");
  onTestFinished(() => plain.cleanup());
  const plugin = plain.dir("session-guard");
  const files = cloneLikeCopy(plugin);
  const noHooks = join(plain.root, "no-hooks.json");
  writeFileSync(noHooks, "{}\n");
  if (mode === "plugin-dir") {
    // The harness starts `claudeBin` with its own arguments; a wrapper adds --plugin-dir.
    const wrapper = join(plain.root, "claude-with-plugin");
    writeFileSync(wrapper, `#!/bin/sh\nexec '${claudeBin}' --plugin-dir '${plugin}' "$@"\n`);
    chmodSync(wrapper, 0o755);
    plain.claudeBin = wrapper;
  }
  return { box: plain, plugin, files, noHooks };
}

function claude(box: Sandbox, args: string[]): { code: number; output: string } {
  try {
    const output = execFileSync(claudeBin!, args, {
      cwd: box.root,
      env: { PATH: process.env.PATH, HOME: box.home, TMPDIR: box.tmp, CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      // `plugin install` copies the whole repository into the plugin cache: slow on a busy machine.
      timeout: 180_000,
    });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: `${e.stdout}${e.stderr}` };
  }
}

async function twoSessions(box: Sandbox, noHooks: string, expect: TestContext["expect"]) {
  const ws = box.gitRepo("ws");
  const gate = box.gate();
  const a = await box.startSession({ cwd: ws, settingsPath: noHooks, script: [bash(gate.command, { timeout: GATE_TIMEOUT_MS })] });
  await gate.waitStarted(a);
  expect(box.lockFiles()).toEqual([`session-lock-${lockHash(ws)}.json`]);
  const b = await box.runSession({
    cwd: ws,
    settingsPath: noHooks,
    script: [write(join(ws, "from-b.txt"), "b\n"), bash(`echo b > '${join(ws, "from-b-bash.txt")}'`)],
  });
  gate.release();
  const aRun = await a.done;

  expect(aRun.exitCode).toBe(0);
  expect((aRun.result?.permission_denials ?? []).length).toBe(0);
  expect(b.exitCode).toBe(0);
  expect((b.result?.permission_denials ?? []).map((d: { tool_name: string }) => d.tool_name)).toEqual(["Write", "Bash"]);
  expect(existsSync(join(ws, "from-b.txt"))).toBe(false);
  expect(existsSync(join(ws, "from-b-bash.txt"))).toBe(false);
  const results = b.api.toolResults();
  expect(results[0]?.content).toMatch(/^PreToolUse:Write hook error: claude-session-guard: /);
  expect(results[0]?.content).toContain(`claude-session-guard clear --workspace ${ws}`);
  // Stop and SessionEnd ran too: A's lock is gone once it finished.
  expect(box.lockFiles()).toEqual([]);
}

describe.skipIf(claudeBin === null).concurrent("the session-guard plugin under Claude Code", () => {
  it("a clone holds everything the hooks run, and `claude plugin validate` accepts it", ({ expect, onTestFinished }) => {
    const { box, plugin, files } = pluginSandbox(onTestFinished, "plugin-dir");
    for (const path of [".claude-plugin/plugin.json", ".claude-plugin/marketplace.json", "hooks/hooks.json", "bin/claude-session-guard.js", "bin/claude-session-guard", "dist/cli.cjs"]) {
      expect(files, `${path} must be in git (docs/decisions/0002)`).toContain(path);
    }
    expect(existsSync(join(plugin, "node_modules"))).toBe(false);
    const manifest = JSON.parse(readFileSync(join(plugin, ".claude-plugin", "plugin.json"), "utf8"));
    expect(manifest.name).toBe("session-guard");
    const validated = claude(box, ["plugin", "validate", plugin]);
    expect(validated.output).toContain("Validation passed");
    expect(validated.code).toBe(0);
  });

  it("loaded with --plugin-dir, denies another session's Write and Bash while a session works", async ({ expect, onTestFinished }) => {
    const { box, noHooks } = pluginSandbox(onTestFinished, "plugin-dir");
    await twoSessions(box, noHooks, expect);
  });

  it("loaded with --plugin-dir, lets Claude's Bash run `claude-session-guard` from the plugin's bin/ alone", async ({ expect, onTestFinished }) => {
    const { box, noHooks } = pluginSandbox(onTestFinished, "plugin-dir");
    // Only the plugin may provide the command: drop the sandbox's global-install stand-in.
    rmSync(join(box.pathDir, "claude-session-guard"));
    const ws = box.gitRepo("ws");
    const run = await box.runSession({ cwd: ws, settingsPath: noHooks, script: [bash("claude-session-guard --version && claude-session-guard status")] });
    const version = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")).version;
    expect(run.exitCode).toBe(0);
    // The call itself took the lock, so status shows this very session holding the workspace.
    const [result] = run.api.toolResults();
    expect(result?.is_error).toBe(false);
    expect(result?.content).toMatch(new RegExp(`^${version.replaceAll(".", "\\.")}\nWORKSPACE .*\n${ws} .* held `));
  });

  it("installed with `plugin marketplace add` + `plugin install`, guards the same way, and doctor sees it", async ({ expect, onTestFinished }) => {
    const { box, plugin, noHooks } = pluginSandbox(onTestFinished, "marketplace");
    const added = claude(box, ["plugin", "marketplace", "add", plugin]);
    expect(added, added.output).toMatchObject({ code: 0 });
    const installed = claude(box, ["plugin", "install", "session-guard@session-guard"]);
    expect(installed, installed.output).toMatchObject({ code: 0 });
    await twoSessions(box, noHooks, expect);

    const doctor = execFileSync(process.execPath, [join(plugin, "bin", "claude-session-guard.js"), "doctor", "--json"], {
      cwd: box.root,
      env: { PATH: process.env.PATH, HOME: box.home },
      encoding: "utf8",
    });
    const checks = Object.fromEntries(JSON.parse(doctor).checks.map((c: { id: string; status: string }) => [c.id, c.status]));
    expect(checks).toMatchObject({ "settings:plugin session-guard@session-guard": "pass", pretooluse: "pass", "self-test": "pass" });
  });
});
