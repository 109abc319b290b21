import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { UserError } from "../../../src/errors.js";
import { logCommand } from "../../../src/commands/log.js";
import { ansi } from "../../../src/commands/style.js";
import { type Fake, fakeDeps } from "./fakeDeps.js";

let deps: Fake;
beforeEach(() => {
  deps = fakeDeps();
});
afterEach(() => deps.cleanup());

function writeLog(entries: unknown[]) {
  mkdirSync(deps.logDir, { recursive: true });
  writeFileSync(join(deps.logDir, "decisions.jsonl"), `${entries.map((e) => JSON.stringify(e)).join("\n")}\n`);
}

const block = (i: number) => ({
  time: `2026-11-24T13:00:${String(i).padStart(2, "0")}.000Z`,
  event: "pretooluse",
  outcome: "block",
  session: "bbbbbbbb-2222",
  workspace: "/w",
  tool: "Write",
  holder: { session_id: "aaaaaaaa-1111", pid: 42, acquired_at: Date.UTC(2026, 10, 24, 12, 59, 0), ttl_ms: 300000 },
});

describe("logCommand", () => {
  it("shows the last 20 decisions by default, oldest first, naming the holder and since when", async () => {
    writeLog(Array.from({ length: 25 }, (_, i) => block(i)));
    const lines = (await logCommand({}, deps)).stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(20);
    expect(lines[0]).toBe(
      "2026-11-24T13:00:05.000Z  block      session bbbbbbbb  Write  /w  holder aaaaaaaa (pid 42) active since 2026-11-24T12:59:00.000Z",
    );
  });

  it("honours -n and --json", async () => {
    writeLog([block(1), { time: "2026-11-24T13:01:00.000Z", event: "stop", outcome: "fail-open", session: null, workspace: null, error: "disk full" }]);
    expect(JSON.parse((await logCommand({ lines: 1, json: true }, deps)).stdout)).toEqual([expect.objectContaining({ outcome: "fail-open", error: "disk full" })]);
    expect((await logCommand({ lines: 1 }, deps)).stdout).toContain("(disk full)");
  });

  it("names each call's tool in a column of its own, and where a disabled call ran", async () => {
    writeLog([
      block(1),
      { time: "2026-11-24T13:01:00.000Z", event: "stop", outcome: "release", session: "aaaaaaaa-1111", workspace: "/w" },
      { time: "2026-11-24T13:02:00.000Z", event: "pretooluse", outcome: "disabled", session: "cccccccc-3333", workspace: null, tool: "NotebookEdit", cwd: "/elsewhere" },
    ]);
    expect((await logCommand({}, deps)).stdout).toBe(
      [
        "2026-11-24T13:00:01.000Z  block      session bbbbbbbb  Write         /w  holder aaaaaaaa (pid 42) active since 2026-11-24T12:59:00.000Z",
        "2026-11-24T13:01:00.000Z  release    session aaaaaaaa  -             /w",
        "2026-11-24T13:02:00.000Z  disabled   session cccccccc  NotebookEdit  /elsewhere",
        "",
      ].join("\n"),
    );
  });

  it("paints each outcome for a terminal and keeps the columns where they were", async () => {
    writeLog([block(1), { time: "2026-11-24T13:01:00.000Z", event: "stop", outcome: "release", session: "aaaaaaaa-1111", workspace: "/w" }]);
    const plainText = (await logCommand({}, deps)).stdout;
    deps.paint = ansi;
    const painted = (await logCommand({}, deps)).stdout;
    expect(painted).toContain("  \u001b[31mblock\u001b[39m      session bbbbbbbb");
    expect(painted).toContain("  \u001b[32mrelease\u001b[39m    session aaaaaaaa");
    expect(painted.replace(/\u001b\[\d+m/g, "")).toBe(plainText);
  });

  it("says where it looked when nothing is logged yet", async () => {
    expect((await logCommand({}, deps)).stdout).toBe(`No decisions logged yet (${join(deps.logDir, "decisions.jsonl")}).\n`);
    expect((await logCommand({ json: true }, deps)).stdout).toBe("[]\n");
  });

  it("rejects a count below 1 as a usage error", async () => {
    await expect(logCommand({ lines: 0 }, deps)).rejects.toEqual(new UserError('-n must be a whole number of at least 1, got "0"', 2));
  });
});
