// install, uninstall and doctor for the other agents, through the built binary: one command each,
// the agent's own file, nothing else touched, and (Codex CLI) the trust it needs to run them.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type Project, project } from "./project.js";

let p: Project;
beforeEach(() => {
  p = project();
});
afterEach(() => p.cleanup());

const example = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, "../../../examples", name), "utf8"));
const json = (path: string) => JSON.parse(readFileSync(path, "utf8"));
function put(path: string, text: string) {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

const FILES = {
  codex: { project: () => join(p.dir, ".codex", "hooks.json"), user: () => join(p.home, ".codex", "hooks.json"), example: "codex-hooks.json" },
  gemini: { project: () => join(p.dir, ".gemini", "settings.json"), user: () => join(p.home, ".gemini", "settings.json"), example: "gemini-settings.json" },
  cursor: { project: () => join(p.dir, ".cursor", "hooks.json"), user: () => join(p.home, ".cursor", "hooks.json"), example: "cursor-hooks.json" },
  copilot: {
    project: () => join(p.dir, ".github", "hooks", "claude-session-guard.json"),
    user: () => join(p.home, ".copilot", "hooks", "claude-session-guard.json"),
    example: "copilot-hooks.json",
  },
} as const;

describe.each(Object.keys(FILES) as Array<keyof typeof FILES>)("install --agent %s", (agent) => {
  const file = FILES[agent];

  it("writes the user file by default, as for Claude Code", async () => {
    expect((await p.run(["install", "--agent", agent])).stdout).toContain(`Installed the guard's hooks in ${file.user()}:`);
  });

  it.each(["project", "user"] as const)("writes the example's wiring into the %s file, and a second run changes nothing", async (scope) => {
    const first = await p.run(["install", "--agent", agent, "--scope", scope]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`Installed the guard's hooks in ${file[scope]()}:`);
    expect(json(file[scope]())).toEqual(example(file.example));
    const again = await p.run(["install", "--agent", agent, "--scope", scope]);
    expect(again.stdout).toContain(`Nothing to change: the guard's hooks are already installed in ${file[scope]()}.`);
  });

  it("keeps the file's other keys and hooks, and uninstall removes exactly the guard's", async () => {
    const theirs =
      agent === "cursor" || agent === "copilot"
        ? { version: 1, hooks: { preToolUse: [{ command: "./audit.sh", bash: "./audit.sh", timeout: 9 }] } }
        : { model: "keep-me", hooks: { [agent === "codex" ? "PreToolUse" : "BeforeTool"]: [{ matcher: "Bash", hooks: [{ type: "command", command: "./audit.sh" }] }] } };
    put(file.project(), `${JSON.stringify(theirs, null, 4)}\n`);
    expect((await p.run(["install", "--agent", agent, "--scope", "project"])).code).toBe(0);
    const installed = json(file.project());
    const event = Object.keys(theirs.hooks)[0]!;
    expect(installed.hooks[event][0]).toEqual((theirs.hooks as Record<string, unknown[]>)[event]![0]);
    expect(readFileSync(file.project(), "utf8")).toMatch(/^\{\n {4}"/);

    const removed = await p.run(["uninstall", "--agent", agent, "--scope", "project"]);
    expect(removed.code, removed.stderr).toBe(0);
    expect(removed.stdout).toContain(`Removed the guard's hooks from ${file.project()}:`);
    expect(json(file.project())).toEqual(theirs);
  });

  it("refuses the local scope, which is Claude Code's alone", async () => {
    const result = await p.run(["install", "--agent", agent, "--scope", "local"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("the local scope is Claude Code's");
  });
});

describe("Codex CLI's trust", () => {
  const config = () => join(p.home, ".codex", "config.toml");

  it("is recorded in config.toml beside the user's settings, checked by doctor, and removed by uninstall", async () => {
    put(config(), 'model = "gpt-5.5"\n\n[projects."/elsewhere"]\ntrust_level = "trusted"\n');
    const installed = await p.run(["install", "--agent", "codex", "--scope", "user"]);
    expect(installed.stdout).toContain(`  + trust for these hooks in ${config()}`);
    const text = readFileSync(config(), "utf8");
    expect(text.startsWith('model = "gpt-5.5"\n\n[projects."/elsewhere"]\ntrust_level = "trusted"\n')).toBe(true);
    expect(text.match(/^\[hooks\.state\."[^"]+"\]\ntrusted_hash = "sha256:[0-9a-f]{64}"$/gm)).toHaveLength(5);

    const doctor = await p.run(["doctor"]);
    expect(doctor.stdout).toMatch(/^pass {2}codex:user:trust: Codex CLI trusts the guard's hooks/m);
    expect(doctor.stdout).toMatch(/^pass {2}codex:user:hooks: /m);

    expect((await p.run(["uninstall", "--agent", "codex", "--scope", "user"])).stdout).toContain(`  - their trust in ${config()}`);
    expect(readFileSync(config(), "utf8")).toBe('model = "gpt-5.5"\n\n[projects."/elsewhere"]\ntrust_level = "trusted"\n');
  });

  it("makes doctor fail when the hooks lost their trust, and install brings it back", async () => {
    await p.run(["install", "--agent", "codex", "--scope", "user"]);
    const hooks = json(FILES.codex.user());
    hooks.hooks.PreToolUse[0].hooks[0].timeout = 7;
    writeFileSync(FILES.codex.user(), JSON.stringify(hooks));
    const doctor = await p.run(["doctor"]);
    expect(doctor.code).toBe(1);
    expect(doctor.stdout).toMatch(/^FAIL {2}codex:user:trust: 1 of the guard's hooks is not trusted in .*config\.toml, and Codex CLI skips untrusted hooks without a word/m);
    expect((await p.run(["install", "--agent", "codex", "--scope", "user"])).code).toBe(0);
    expect((await p.run(["doctor"])).stdout).toMatch(/^pass {2}codex:user:trust: /m);
  });

  it("is left alone, loudly, when config.toml writes hooks.state inline: install exits 1 and says what to do", async () => {
    put(config(), 'hooks.state = { }\n');
    const result = await p.run(["install", "--agent", "codex", "--scope", "user"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("Could not record the hooks' trust");
    expect(result.stderr).toContain("open /hooks and trust the claude-session-guard hooks");
    expect(readFileSync(config(), "utf8")).toBe("hooks.state = { }\n");
  });

  it("names the project Codex has to trust when the hooks are the project's", async () => {
    const result = await p.run(["install", "--agent", "codex", "--scope", "project"]);
    expect(result.stdout).toContain(`Note: Codex CLI reads ${p.dir}/.codex/ only in a project it trusts`);
    expect((await p.run(["doctor"])).stdout).toMatch(/^FAIL {2}codex:project:project: /m);
  });
});

describe("Copilot CLI's own hooks file", () => {
  it("goes whole when uninstall leaves nothing in it", async () => {
    await p.run(["install", "--agent", "copilot", "--scope", "project"]);
    const result = await p.run(["uninstall", "--agent", "copilot", "--scope", "project"]);
    expect(result.stdout).toContain(`Removed ${FILES.copilot.project()}: nothing else was in it.`);
    expect(existsSync(FILES.copilot.project())).toBe(false);
  });
});

describe("doctor", () => {
  it("says nothing of agents that are not wired, and fails one that lost a hook", async () => {
    expect((await p.run(["doctor"])).stdout).not.toMatch(/codex|gemini|cursor|copilot/);
    await p.run(["install", "--agent", "gemini", "--scope", "project"]);
    const settings = json(FILES.gemini.project());
    delete settings.hooks.AfterAgent;
    writeFileSync(FILES.gemini.project(), JSON.stringify(settings));
    const doctor = await p.run(["doctor"]);
    expect(doctor.stdout).toMatch(/^FAIL {2}gemini:project:hooks: Gemini CLI is not fully guarded: no AfterAgent hook runs `stop`/m);
    expect(doctor.stdout).toContain("fix: run `claude-session-guard install --agent gemini --scope project`");
  });
});
