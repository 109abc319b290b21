import { existsSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FORGET_AFTER_MS, firstShowing, REPEAT_AFTER_MS, shouldShow } from "../../../src/host/warnings.js";

describe("shouldShow", () => {
  const at = 1_000_000;
  it("shows a problem never shown, a changed problem, and the same one after the quiet interval", () => {
    expect(shouldShow(null, "p", at)).toBe(true);
    expect(shouldShow({ problem: "p", at }, "q", at + 1)).toBe(true);
    expect(shouldShow({ problem: "p", at }, "p", at + REPEAT_AFTER_MS)).toBe(true);
  });
  it("keeps the same problem quiet within the interval", () => {
    expect(shouldShow({ problem: "p", at }, "p", at + REPEAT_AFTER_MS - 1)).toBe(false);
  });
  it("shows again when the clock went backwards", () => {
    expect(shouldShow({ problem: "p", at }, "p", at - 1)).toBe(true);
  });
});

describe("firstShowing", () => {
  let dir: string;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), "csg-warned-")), "state");
  });
  afterEach(() => rmSync(join(dir, ".."), { recursive: true, force: true }));

  it("remembers per session, in a directory it creates", () => {
    expect(firstShowing(dir, "a", "p", 10)).toBe(true);
    expect(firstShowing(dir, "a", "p", 20)).toBe(false);
    expect(firstShowing(dir, "b", "p", 20)).toBe(true);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it("shows when its memory cannot be kept (the directory is a file)", () => {
    writeFileSync(dir, "");
    expect(firstShowing(dir, "a", "p", 10)).toBe(true);
    expect(firstShowing(dir, "a", "p", 20)).toBe(true);
  });

  it("sweeps the files of sessions not seen for a day when a new session is warned", () => {
    firstShowing(dir, "old", "p", Date.now());
    const [old] = readdirSync(dir);
    const then = (Date.now() - FORGET_AFTER_MS - 60_000) / 1000;
    utimesSync(join(dir, old!), then, then);
    firstShowing(dir, "new", "p", Date.now());
    expect(existsSync(join(dir, old!))).toBe(false);
    expect(readdirSync(dir)).toHaveLength(1);
  });
});
