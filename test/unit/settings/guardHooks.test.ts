import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SettingsError } from "../../../src/errors.js";
import { describe, expect, it } from "vitest";
import {
  GUARD_EVENTS,
  guardEventsOf,
  installGuardHooks,
  parseGuardCommand,
  uninstallGuardHooks,
} from "../../../src/settings/guardHooks.js";

const ROOT = join(import.meta.dirname, "../../..");
const example = JSON.parse(readFileSync(join(ROOT, "settings.example.json"), "utf8"));
const pluginHooks = JSON.parse(readFileSync(join(ROOT, "hooks/hooks.json"), "utf8"));
const BARE = "claude-session-guard";

describe("parseGuardCommand", () => {
  it.each([
    ["claude-session-guard pretooluse", "claude-session-guard", "pretooluse", ""],
    ["/usr/local/bin/claude-session-guard stop", "/usr/local/bin/claude-session-guard", "stop", ""],
    ["'/opt/my tools/claude-session-guard.js' posttooluse", "'/opt/my tools/claude-session-guard.js'", "posttooluse", ""],
    ['node "${CLAUDE_PLUGIN_ROOT}/bin/claude-session-guard.js" pretooluse', 'node "${CLAUDE_PLUGIN_ROOT}/bin/claude-session-guard.js"', "pretooluse", ""],
    ["npx -y claude-session-guard@latest stop", "npx -y claude-session-guard@latest", "stop", ""],
    ["claude-session-guard pretooluse --ttl-ms 600000", "claude-session-guard", "pretooluse", " --ttl-ms 600000"],
    ["claude-session-guard sessionstart", "claude-session-guard", "sessionstart", ""],
  ])("recognises %j as ours", (command, prefix, subcommand, args) => {
    expect(parseGuardCommand(command)).toEqual({ prefix, subcommand, args });
  });

  it.each(["echo claude-session-guard", "my-claude-session-guard stop", "claude-session-guard status", "claude-session-guard-x stop", "prettier --write ."])(
    "does not take %j for ours",
    (command) => expect(parseGuardCommand(command)).toBeNull(),
  );
});

describe("the wiring install writes", () => {
  it("is read from settings.example.json: every event and matcher there", () => {
    expect(GUARD_EVENTS).toEqual(guardEventsOf(example));
    expect(GUARD_EVENTS.map((e) => e.event)).toEqual(expect.arrayContaining(["PreToolUse", "PostToolUse", "Stop", "SessionEnd"]));
  });

  it("applied to empty settings with the bare name, is settings.example.json itself", () => {
    expect(installGuardHooks({}, BARE).settings).toEqual(example);
  });

  it("matches hooks/hooks.json, the plugin form, event for event", () => {
    expect(guardEventsOf(pluginHooks)).toEqual(GUARD_EVENTS);
    for (const groups of Object.values<Array<{ hooks: Array<{ command: string; timeout: number }> }>>(pluginHooks.hooks)) {
      for (const hook of groups.flatMap((g) => g.hooks)) {
        expect(hook.command).toMatch(/^node "\$\{CLAUDE_PLUGIN_ROOT\}\/bin\/claude-session-guard\.js" \w+$/);
        expect(hook.timeout).toBe(5);
      }
    }
  });
});

describe("installGuardHooks", () => {
  const unrelated = {
    model: "opus",
    permissions: { allow: ["Bash(npm test)"] },
    hooks: {
      PreToolUse: [{ matcher: "Bash", hooks: [{ type: "command", command: "./check-bash.sh" }] }],
      Notification: [{ hooks: [{ type: "command", command: "notify-send hi" }] }],
    },
  };

  it("adds our entries and keeps every other key and hook, in order", () => {
    const { settings, changes } = installGuardHooks(unrelated, BARE);
    expect(Object.keys(settings)).toEqual(["model", "permissions", "hooks"]);
    expect(settings.permissions).toEqual(unrelated.permissions);
    const hooks = settings.hooks as Record<string, unknown[]>;
    expect(hooks.PreToolUse![0]).toEqual(unrelated.hooks.PreToolUse[0]);
    expect(hooks.Notification).toEqual(unrelated.hooks.Notification);
    expect(changes.map((c) => [c.kind, c.event])).toEqual(GUARD_EVENTS.map((e) => ["add", e.event]));
    expect(unrelated.hooks.PreToolUse).toHaveLength(1);
  });

  it("changes nothing the second time", () => {
    const once = installGuardHooks(unrelated, BARE).settings;
    const twice = installGuardHooks(once, BARE);
    expect(twice.changes).toEqual([]);
    expect(twice.settings).toEqual(once);
  });

  it("replaces an outdated command in place instead of adding a second one, keeping its extra arguments", () => {
    const old = structuredClone(example);
    old.hooks.PreToolUse[0].hooks[0].command = "/old/prefix/bin/claude-session-guard.js pretooluse --ttl-ms 600000";
    old.hooks.Stop[0].hooks[0].command = 'node "${CLAUDE_PLUGIN_ROOT}/bin/claude-session-guard.js" stop';
    const { settings, changes } = installGuardHooks(old, BARE);
    const hooks = settings.hooks as typeof example.hooks;
    expect(hooks.PreToolUse).toHaveLength(1);
    expect(hooks.PreToolUse[0].hooks[0].command).toBe("claude-session-guard pretooluse --ttl-ms 600000");
    expect(hooks.Stop[0].hooks[0].command).toBe("claude-session-guard stop");
    expect(changes).toEqual([
      expect.objectContaining({ kind: "update", event: "PreToolUse", previous: "/old/prefix/bin/claude-session-guard.js pretooluse --ttl-ms 600000" }),
      expect.objectContaining({ kind: "update", event: "Stop" }),
    ]);
  });

  it("removes duplicates and commands under the wrong event, never leaving an empty group", () => {
    const messy = structuredClone(example);
    messy.hooks.PreToolUse.push({ matcher: "Edit|Write|MultiEdit|NotebookEdit|Bash", hooks: [{ type: "command", command: "npx claude-session-guard pretooluse", timeout: 5 }] });
    messy.hooks.Stop[0].hooks.push({ type: "command", command: "claude-session-guard pretooluse", timeout: 5 });
    const { settings, changes } = installGuardHooks(messy, BARE);
    expect(settings).toEqual(example);
    expect(changes.map((c) => [c.kind, c.event, c.why])).toEqual([
      ["remove", "PreToolUse", "duplicate"],
      ["remove", "Stop", "wrong-event"],
    ]);
  });

  it("moves our hook out of a group whose matcher does not cover the guarded tools, and fixes a bad timeout", () => {
    const narrow = {
      hooks: {
        PreToolUse: [{ matcher: "Edit|Write", hooks: [{ type: "command", command: "./lint.sh" }, { type: "command", command: "claude-session-guard pretooluse", timeout: 900 }] }],
      },
    };
    const { settings } = installGuardHooks(narrow, BARE);
    expect((settings.hooks as typeof example.hooks).PreToolUse).toEqual([
      { matcher: "Edit|Write", hooks: [{ type: "command", command: "./lint.sh" }] },
      { matcher: "Edit|Write|MultiEdit|NotebookEdit|Bash|PowerShell|Monitor|ExitWorktree", hooks: [{ type: "command", command: "claude-session-guard pretooluse", timeout: 5 }] },
    ]);
  });

  it("refuses settings whose hooks are not the shape Claude Code reads, rather than overwrite them", () => {
    expect(() => installGuardHooks({ hooks: [] }, BARE)).toThrow(SettingsError);
    expect(() => installGuardHooks({ hooks: { Stop: {} } }, BARE)).toThrow(/hooks.Stop/);
  });
});

describe("uninstallGuardHooks", () => {
  it("removes exactly our entries, whatever their prefix, and tidies what it emptied", () => {
    const mixed = structuredClone(example) as Record<string, any>;
    mixed.hooks.PreToolUse[0].hooks.push({ type: "command", command: "./check.sh" });
    mixed.hooks.PostToolUse[0].hooks[0].command = "/abs/claude-session-guard posttooluse";
    mixed.hooks.SessionStart = [{ hooks: [{ type: "command", command: 'node "${CLAUDE_PLUGIN_ROOT}/bin/claude-session-guard.js" sessionstart' }] }];
    const { settings, changes } = uninstallGuardHooks(mixed);
    expect(settings).toEqual({
      hooks: { PreToolUse: [{ matcher: "Edit|Write|MultiEdit|NotebookEdit|Bash|PowerShell|Monitor|ExitWorktree", hooks: [{ type: "command", command: "./check.sh" }] }] },
    });
    expect(changes).toHaveLength(7);
  });

  it("drops the hooks key when nothing is left in it, and keeps the other keys", () => {
    const { settings } = uninstallGuardHooks({ env: { A: "1" }, ...structuredClone(example) });
    expect(settings).toEqual({ env: { A: "1" } });
  });

  it("changes nothing when there is nothing of ours, even an empty hooks object", () => {
    expect(uninstallGuardHooks({ hooks: {} })).toEqual({ settings: { hooks: {} }, changes: [] });
    expect(uninstallGuardHooks({})).toEqual({ settings: {}, changes: [] });
  });
});
