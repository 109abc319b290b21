import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import * as fs from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { commandWords, findOnPath } from "../../../src/settings/executable.js";

describe("commandWords", () => {
  it("splits as sh would: quotes, backslashes, and only the variables it is given", () => {
    expect(commandWords(`node "\${CLAUDE_PLUGIN_ROOT}/bin/claude-session-guard.js" pretooluse`, { CLAUDE_PLUGIN_ROOT: "/p q" })).toEqual([
      "node",
      "/p q/bin/claude-session-guard.js",
      "pretooluse",
    ]);
    expect(commandWords(`'/opt/my tools/claude-session-guard' stop`, {})).toEqual(["/opt/my tools/claude-session-guard", "stop"]);
    expect(commandWords(`a\\ b "$HOME" $UNSET`, { HOME: "/h" })).toEqual(["a b", "/h", "$UNSET"]);
  });

  it("gives up on commands that need more of the shell", () => {
    for (const c of ["a | b", "a; b", "a && b", "$(which x) stop", "`x` stop", 'unclosed "quote']) {
      expect(commandWords(c, {})).toBeNull();
    }
  });
});

describe("findOnPath", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("finds the first executable file, skipping non-executables and directories", () => {
    dir = realpathSync(mkdtempSync(join(tmpdir(), "csg-path-")));
    for (const d of ["a", "b", "c"]) mkdirSync(join(dir, d));
    writeFileSync(join(dir, "a", "tool"), "not executable");
    mkdirSync(join(dir, "b", "tool"));
    writeFileSync(join(dir, "c", "tool"), "#!/bin/sh\n");
    chmodSync(join(dir, "c", "tool"), 0o755);
    const path = ["a", "b", "c"].map((d) => join(dir, d)).join(":");
    expect(findOnPath("tool", path, fs)).toBe(join(dir, "c", "tool"));
    expect(findOnPath("missing", path, fs)).toBeNull();
    expect(findOnPath(join(dir, "c", "tool"), "", fs)).toBe(join(dir, "c", "tool"));
  });
});
