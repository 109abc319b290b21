// --wait against Claude Code itself: a second session's Write, wired with `pretooluse --wait`,
// waits while the first session works and runs as soon as that session's turn ends.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, inject, it } from "vitest";
import { bash, write } from "./support/fakeApi.mjs";
import { until } from "./support/polling.js";
import { createSandbox, SETTINGS_EXAMPLE } from "./support/session.mjs";

const claudeBin = inject("claudeBin");
const GATE_TIMEOUT_MS = 90_000;

/** settings.example.json with `--wait SECONDS` on pretooluse and a hook timeout 10 s longer. */
function waitingSettings(path: string, seconds: number): string {
  const settings = JSON.parse(readFileSync(SETTINGS_EXAMPLE, "utf8"));
  for (const group of settings.hooks.PreToolUse) {
    for (const hook of group.hooks) Object.assign(hook, { command: `${hook.command} --wait ${seconds}`, timeout: seconds + 10 });
  }
  writeFileSync(path, JSON.stringify(settings));
  return path;
}

describe.skipIf(claudeBin === null)("pretooluse --wait under Claude Code", () => {
  it("runs a second session's Write once the holder's turn ends within the wait, instead of denying it", async ({ expect, onTestFinished }) => {
    const box = createSandbox(claudeBin!);
    onTestFinished(() => box.cleanup());
    const ws = box.gitRepo("ws");
    const gate = box.gate();
    const a = await box.startSession({ cwd: ws, streamInput: true, script: [bash(gate.command, { timeout: GATE_TIMEOUT_MS })] });
    await gate.waitStarted(a);

    const target = join(ws, "from-b.txt");
    const b = await box.startSession({ cwd: ws, settingsPath: waitingSettings(join(box.root, "waiting.json"), 60), script: [write(target, "b\n")] });
    // B asked for its Write; its hook now waits on A's lock.
    await until("B's first API request", () => b.api.requests.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(existsSync(target)).toBe(false);
    expect(b.finished).toBe(false);

    gate.release();
    await a.waitForTurns(1);
    const bRun = await b.done;
    expect({ exitCode: bRun.exitCode, denials: bRun.result?.permission_denials ?? [], results: b.api.toolResults().map((r) => r.is_error) }).toEqual({
      exitCode: 0,
      denials: [],
      results: [false],
    });
    expect(readFileSync(target, "utf8")).toBe("b\n");
    a.endInput();
    await a.done;
  });
});
