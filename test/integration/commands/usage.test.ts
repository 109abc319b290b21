// The command line itself: help, version, and usage errors (exit 2, one line with a hint).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Project, project } from "./project.js";

let p: Project;
beforeAll(() => {
  p = project();
});
afterAll(() => p.cleanup());

const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "../../../package.json"), "utf8"));

describe("usage", () => {
  it.each(["--version", "-v"])("prints the version for %s", async (flag) => {
    expect(await p.run([flag])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  it("lists the commands people run before the hook commands, which sit under a heading of their own", async () => {
    const { code, stdout } = await p.run(["--help"]);
    expect(code).toBe(0);
    const names = [...stdout.matchAll(/^ {2}(\w+) /gm)].map((m) => m[1]);
    expect(names).toEqual(["status", "clear", "install", "uninstall", "doctor", "log", "help", "pretooluse", "posttooluse", "stop", "sessionstart"]);
    const heading = stdout.indexOf("\nHook commands (Claude Code runs these):\n");
    expect(heading).toBeGreaterThan(stdout.indexOf("\n  help "));
    expect(heading).toBeLessThan(stdout.indexOf("\n  pretooluse "));
  });

  it.each(["status", "clear", "install", "uninstall", "doctor", "log", "pretooluse", "posttooluse", "stop", "sessionstart"])(
    "prints help for %s with exit 0",
    async (command) => {
      const result = await p.run([command, "--help"]);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^Usage: claude-session-guard ${command} `));
    },
  );

  it.each([
    [["frobnicate"], "unknown command 'frobnicate'", "claude-session-guard --help"],
    [["status", "--everything"], "unknown option '--everything'", "claude-session-guard status --help"],
    [["log", "-n", "many"], "option '-n, --lines <n>' argument 'many' is invalid. must be a whole number of at least 1", "claude-session-guard log --help"],
    [["clear", "--stale", "--all"], "option '--stale' cannot be used with option '--all'", "claude-session-guard clear --help"],
    [["clear", "--workspace"], "option '--workspace <path>' argument missing", "claude-session-guard clear --help"],
    [["status", "extra"], "too many arguments for 'status'. Expected 0 arguments but got 1", "claude-session-guard status --help"],
  ])("rejects %j with exit 2 and one line", async (args, problem, help) => {
    const result = await p.run(args);
    expect(result).toEqual({ code: 2, stdout: "", stderr: `claude-session-guard: ${problem}. Run \`${help}\` for usage.\n` });
  });

  it("suggests the command that was probably meant, still on one line", async () => {
    const result = await p.run(["stauts"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe("claude-session-guard: unknown command 'stauts' (Did you mean status?). Run `claude-session-guard --help` for usage.\n");
  });

  it("shows the help on stderr with exit 2 when no command is given", async () => {
    const result = await p.run([]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^Usage: claude-session-guard /);
  });
});
