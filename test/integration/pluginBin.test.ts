// The plugin's bin/ holds the command under its bare name: Claude Code puts that directory on its
// Bash tool's PATH, so with the plugin alone `claude-session-guard clear …` must run from there.

import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const SHIM = join(ROOT, "bin", "claude-session-guard");
const isCheckout = existsSync(join(ROOT, ".git"));
const version: string = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version;

let dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

describe("bin/claude-session-guard, the bare name in the plugin's bin/", () => {
  if (!isCheckout) console.warn(`\n!! SKIPPED: the executable-bit check needs a git checkout, and ${ROOT} is not one.\n`);

  it.skipIf(!isCheckout)("is committed as an executable file (mode 100755), so a clone of the plugin can run it", () => {
    const staged = execFileSync("git", ["ls-files", "-s", "--", "bin/claude-session-guard"], { cwd: ROOT, encoding: "utf8" });
    expect(staged).toMatch(/^100755 [0-9a-f]{40} 0\tbin\/claude-session-guard\n$/);
  });

  it("runs as a program found on PATH and prints the package's version", () => {
    const run = spawnSync("claude-session-guard", ["--version"], { env: { PATH: `${join(ROOT, "bin")}:${process.env.PATH}` }, encoding: "utf8" });
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("runs the operator commands through a symlink from another directory", () => {
    const dir = mkdtempSync(join(tmpdir(), "csg-shim-"));
    dirs.push(dir);
    symlinkSync(SHIM, join(dir, "claude-session-guard"));
    const run = spawnSync(join(dir, "claude-session-guard"), ["clear", "--help"], { cwd: dir, encoding: "utf8" });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage: claude-session-guard clear \[options\]/);
  });
});
