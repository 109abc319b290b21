import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { selfInvocation } from "../../../src/host/selfInvocation.js";

let root: string;
let install: string;
let script: string;

const executable = (path: string) => {
  writeFileSync(path, "#!/bin/sh\n");
  chmodSync(path, 0o755);
  return path;
};

beforeEach(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), "csg-self-")));
  install = join(root, "lib", "claude-session-guard", "bin");
  mkdirSync(install, { recursive: true });
  script = executable(join(install, "claude-session-guard.js"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("selfInvocation", () => {
  it("is the bare name when PATH finds this install (npm's link to the script)", () => {
    mkdirSync(join(root, "bin"));
    symlinkSync(script, join(root, "bin", "claude-session-guard"));
    expect(selfInvocation(script, "/usr/bin/node", `/nowhere:${join(root, "bin")}`)).toBe("claude-session-guard");
  });

  it("is the bare name when PATH finds the shim beside the script (the plugin's bin/ on Claude's PATH)", () => {
    executable(join(install, "claude-session-guard"));
    expect(selfInvocation(script, "/usr/bin/node", install)).toBe("claude-session-guard");
  });

  it("is the shim's absolute path when PATH finds another install, or none", () => {
    const shim = executable(join(install, "claude-session-guard"));
    const other = join(root, "other");
    mkdirSync(other);
    executable(join(other, "claude-session-guard"));
    expect(selfInvocation(script, "/usr/bin/node", other)).toBe(shim);
    expect(selfInvocation(script, "/usr/bin/node", undefined)).toBe(shim);
  });

  it("is Node and the script by absolute paths, quoted for a shell, when there is no shim", () => {
    const spaced = join(root, "my tools");
    mkdirSync(spaced);
    const moved = executable(join(spaced, "claude-session-guard.js"));
    expect(selfInvocation(moved, "/opt/node 22/bin/node", "")).toBe(`'/opt/node 22/bin/node' '${moved}'`);
  });
});
