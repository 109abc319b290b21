import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type Check, type Source, wiringChecks } from "../../../src/commands/wiring.js";

const ROOT = join(import.meta.dirname, "../../..");
const example = JSON.parse(readFileSync(join(ROOT, "settings.example.json"), "utf8"));
const plugin = JSON.parse(readFileSync(join(ROOT, "hooks/hooks.json"), "utf8"));

const source = (value: Record<string, unknown> | null, label = "project", pluginRoot?: string): Source => ({
  label,
  path: `/fixture/${label}.json`,
  value,
  ...(pluginRoot !== undefined && { pluginRoot }),
});

function byId(checks: Check[]): Record<string, Pick<Check, "status" | "message">> {
  return Object.fromEntries(checks.map((c) => [c.id, { status: c.status, message: c.message }]));
}

function withPre(matcher: unknown, extra: Record<string, unknown> = {}) {
  const settings = structuredClone(example);
  settings.hooks.PreToolUse[0].matcher = matcher;
  Object.assign(settings.hooks.PreToolUse[0].hooks[0], extra);
  return settings;
}

describe("wiringChecks (doctor's checks on the settings alone)", () => {
  it("passes settings.example.json, SessionStart included", () => {
    const checks = byId(wiringChecks([source(example)]));
    for (const id of ["pretooluse", "posttooluse", "stop", "sessionend", "sessionstart", "placement", "duplicates", "timeout", "settings:project"]) {
      expect(checks[id]?.status, id).toBe("pass");
    }
  });

  it.each([
    [" --wait 30", 40, "pass"],
    [" --wait=30", 35, "pass"],
    [" --wait 30", 34, "fail"],
    [" --wait 30", 5, "fail"],
    ["", 5, "pass"],
  ])("judges pretooluse%s with a timeout of %i s as %s: a hook killed while it waits lets the tool run", (args, timeout, status) => {
    const settings = withPre("Edit|Write|Bash", { command: `claude-session-guard pretooluse${args}`, timeout });
    const found = byId(wiringChecks([source(settings)])).timeout;
    expect(found?.status).toBe(status);
    if (status === "fail") expect(found?.message).toContain("--wait 30");
  });

  it("treats a missing SessionStart hook as optional information", () => {
    const { SessionStart: _, ...hooks } = (example as { hooks: Record<string, unknown> }).hooks;
    expect(byId(wiringChecks([source({ hooks })])).sessionstart?.status).toBe("info");
  });

  it("passes the plugin's hooks.json", () => {
    const checks = wiringChecks([source(plugin, "plugin", "/plugin/root")]);
    expect(checks.filter((c) => c.status === "fail")).toEqual([]);
  });

  it("fails every required event on settings without the guard, each with a fix hint", () => {
    const checks = wiringChecks([source({ hooks: { PreToolUse: [{ matcher: "Bash", hooks: [{ type: "command", command: "./x.sh" }] }] } })]);
    const failed = checks.filter((c) => c.status === "fail");
    expect(failed.map((c) => c.id)).toEqual(["pretooluse", "posttooluse", "stop", "sessionend"]);
    for (const c of failed) expect(c.hint).toMatch(/claude-session-guard install/);
  });

  it.each([
    ["Edit|Write", ["MultiEdit", "NotebookEdit", "Bash"]],
    ["Edit", ["Write", "MultiEdit", "NotebookEdit", "Bash"]],
    ["^(Edit|Write)$", ["MultiEdit", "NotebookEdit", "Bash"]],
    ["Edit(", ["Edit", "Write", "MultiEdit", "NotebookEdit", "Bash"]],
  ])("names the tools a PreToolUse matcher %j leaves unguarded", (matcher, missing) => {
    const pre = wiringChecks([source(withPre(matcher))]).find((c) => c.id === "pretooluse")!;
    expect(pre.status).toBe("fail");
    expect(pre.message).toContain(`does not run for ${missing.join(", ")}`);
  });

  it.each([
    "",
    "*",
    ".*",
    "Edit|Write|MultiEdit|NotebookEdit|Bash|PowerShell|Monitor|ExitWorktree|Read",
    "Edit, Write, MultiEdit, NotebookEdit, Bash, PowerShell, Monitor, ExitWorktree",
    "Edit|Write|Bash|.*Edit|PowerShell|Monitor|.*Worktree",
  ])(
    "accepts a PreToolUse matcher %j that covers every tool that changes files",
    (matcher) => {
      expect(wiringChecks([source(withPre(matcher))]).find((c) => c.id === "pretooluse")!.status).toBe("pass");
    },
  );

  it("counts coverage across several registrations, in different files", () => {
    const user = withPre("Edit|Write|MultiEdit|Monitor");
    const project = { hooks: { PreToolUse: [{ matcher: "NotebookEdit|Bash|PowerShell|ExitWorktree", hooks: [{ type: "command", command: "claude-session-guard pretooluse", timeout: 5 }] }] } };
    const checks = byId(wiringChecks([source(user, "user"), source(project, "project")]));
    expect(checks.pretooluse?.status).toBe("pass");
    // One command string, and no tool matched twice: Claude Code runs it once per call.
    expect(checks.duplicates?.status).toBe("pass");
  });

  it("passes the same command in user, project and local settings, which Claude Code 2.1.331 runs once", () => {
    const checks = byId(wiringChecks([source(example, "user"), source(example, "project"), source(example, "local")]));
    expect(checks.duplicates).toEqual({
      status: "pass",
      message: "each guard hook runs once per call (the same command in several settings files runs once, as Claude Code runs it)",
    });
  });

  it("warns about the bare name in one file and a path in another: two command strings, so Claude Code runs both", () => {
    const absolute = JSON.parse(JSON.stringify(example).replaceAll('"claude-session-guard ', '"/usr/local/bin/claude-session-guard '));
    const checks = wiringChecks([source(example, "user"), source(absolute, "project")]);
    const duplicates = checks.find((c) => c.id === "duplicates")!;
    expect(duplicates.status).toBe("warn");
    expect(duplicates.message).toContain(
      "PreToolUse pretooluse runs 2 times (user: claude-session-guard pretooluse; project: /usr/local/bin/claude-session-guard pretooluse)",
    );
    expect(duplicates.message).toContain("Stop stop runs 2 times");
  });

  it("counts runs per tool: two command strings whose matchers share no tool run once per call", () => {
    const bash = { hooks: { PreToolUse: [{ matcher: "Bash", hooks: [{ type: "command", command: "/opt/claude-session-guard pretooluse", timeout: 5 }] }] } };
    const rest = withPre("Edit|Write|MultiEdit|NotebookEdit|PowerShell|Monitor|ExitWorktree");
    expect(byId(wiringChecks([source(rest, "user"), source(bash, "project")])).duplicates?.status).toBe("pass");
    const overlapping = withPre("Edit|Write|MultiEdit|NotebookEdit|Bash|PowerShell|Monitor|ExitWorktree");
    expect(byId(wiringChecks([source(overlapping, "user"), source(bash, "project")])).duplicates).toEqual({
      status: "warn",
      message: expect.stringContaining("PreToolUse pretooluse runs 2 times"),
    });
  });

  it("fails a pretooluse hook marked async, which could never deny", () => {
    expect(wiringChecks([source(withPre("Edit|Write|MultiEdit|NotebookEdit|Bash", { async: true }))]).find((c) => c.id === "pretooluse")!.status).toBe("fail");
  });

  it("warns when the plugin and settings both register the guard: Claude Code never merges the two", () => {
    const checks = byId(wiringChecks([source(example, "user"), source(plugin, "plugin session-guard@x", "/p")]));
    expect(checks.duplicates).toEqual({
      status: "warn",
      message: expect.stringContaining(
        'PreToolUse pretooluse runs 2 times (user: claude-session-guard pretooluse; plugin session-guard@x: node "${CLAUDE_PLUGIN_ROOT}/bin/claude-session-guard.js" pretooluse)',
      ),
    });
  });

  it("fails a guard command under the wrong event: stop before every tool would drop the lock", () => {
    const wrong = structuredClone(example);
    wrong.hooks.PreToolUse[0].hooks.push({ type: "command", command: "claude-session-guard stop", timeout: 5 });
    expect(byId(wiringChecks([source(wrong)])).placement).toEqual({ status: "fail", message: expect.stringContaining("stop under PreToolUse") });
  });

  it("warns about a SessionEnd matcher, which filters on the end reason", () => {
    const filtered = structuredClone(example);
    filtered.hooks.SessionEnd[0].matcher = "clear";
    expect(byId(wiringChecks([source(filtered)])).sessionend?.status).toBe("warn");
  });

  it.each([
    [undefined, "warn"],
    [0, "fail"],
    ["5", "fail"],
    [1, "warn"],
    [600, "warn"],
    [10, "pass"],
  ])("judges a timeout of %j as %s", (timeout, status) => {
    const settings = structuredClone(example);
    if (timeout === undefined) delete settings.hooks.Stop[0].hooks[0].timeout;
    else settings.hooks.Stop[0].hooks[0].timeout = timeout;
    expect(byId(wiringChecks([source(settings)])).timeout?.status).toBe(status);
  });

  it("reports a SessionStart registration as a pass when present", () => {
    const settings = structuredClone(example);
    settings.hooks.SessionStart = [{ hooks: [{ type: "command", command: "claude-session-guard sessionstart", timeout: 5 }] }];
    expect(byId(wiringChecks([source(settings)])).sessionstart?.status).toBe("pass");
  });

  it("carries a source's read problem as its own check", () => {
    const broken: Source = { ...source(null), problem: { status: "fail", message: "x is not valid JSON: line 3, column 1", hint: "fix it" } };
    expect(wiringChecks([broken])[0]).toEqual({ id: "settings:project", status: "fail", message: "x is not valid JSON: line 3, column 1", hint: "fix it" });
    expect(byId(wiringChecks([source({ hooks: [] })]))["settings:project"]?.status).toBe("fail");
  });
});
