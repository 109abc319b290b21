// What a user gets from a tarball of this repository (`npm pack`, then `npm install -g` of it):
// one package, nothing downloaded, and a command that works for hooks and for operators alike.
// The bundles in dist/ carry every library the guard uses, so the package declares no runtime
// dependencies and installs offline.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payload } from "../support/cli.js";

const ROOT = join(import.meta.dirname, "../../..");
let dir: string;
let bin: string;
let installed: string;

const npm = (...args: string[]) => execFileSync("npm", args, { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, npm_config_update_notifier: "false" } });

beforeAll(() => {
  dir = realpathSync(mkdtempSync(join(tmpdir(), "csg-package-")));
  // dist/ is built by the test run; the tarball takes it as it is.
  const tarball = npm("pack", ROOT, "--pack-destination", dir, "--ignore-scripts", "--silent").trim().split("\n").at(-1)!;
  npm("install", "--global", "--prefix", join(dir, "prefix"), "--offline", "--ignore-scripts", "--no-audit", "--no-fund", join(dir, tarball));
  bin = join(dir, "prefix", "bin", "claude-session-guard");
  installed = join(dir, "prefix", "lib", "node_modules", "claude-session-guard");
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the package", () => {
  it("declares no runtime dependencies and installs offline as one package", () => {
    expect(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).dependencies).toBeUndefined();
    expect(readdirSync(join(dir, "prefix", "lib", "node_modules"))).toEqual(["claude-session-guard"]);
    expect(existsSync(join(installed, "node_modules"))).toBe(false);
  });

  it("ships its licence, changelog, wiring examples and plugin manifest, and none of the sources or tests", () => {
    const files = readdirSync(installed);
    for (const name of ["LICENSE", "CHANGELOG.md", "README.md", "settings.example.json", "examples", "dist", "bin", "hooks", ".claude-plugin"]) expect(files).toContain(name);
    for (const name of ["src", "test", "bench", "node_modules"]) expect(files).not.toContain(name);
  });

  it("runs the operator commands and a hook from the installed command", () => {
    const home = join(dir, "home");
    const ws = join(dir, "ws");
    mkdirSync(join(ws, ".git"), { recursive: true });
    const env = { PATH: process.env.PATH, HOME: home, XDG_STATE_HOME: join(home, "state") };
    const run = (args: string[], input = "") => execFileSync(bin, args, { input, encoding: "utf8", env, cwd: ws });
    expect(run(["--version"]).trim()).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
    expect(run(["pretooluse"], payload("aaaa1111-installed", ws))).toBe("");
    expect(run(["status"])).toContain("aaaa1111");
  });
});
