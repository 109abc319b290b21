import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { AGENT_WIRING } from "../../../src/settings/agentFiles.js";

const example = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, "../../../examples", name), "utf8"));
const BARE = "claude-session-guard";

describe.each(Object.entries(AGENT_WIRING))("the wiring install writes for %s", (_, wiring) => {
  it("applied to an empty file with the bare name, is its example file itself", () => {
    expect(wiring.install({}, BARE).settings).toEqual(example(wiring.example.replace("examples/", "")));
  });

  it("updates an entry of ours written with another launcher in place instead of adding a second", () => {
    const first = wiring.install({}, "/old/bin/claude-session-guard").settings;
    const { settings, changes } = wiring.install(first, BARE);
    expect(settings).toEqual(example(wiring.example.replace("examples/", "")));
    expect(changes.every((c) => c.kind === "update")).toBe(true);
  });

  it("uninstalls to nothing from its own example", () => {
    const { settings } = wiring.uninstall(example(wiring.example.replace("examples/", "")));
    expect(settings.hooks).toBeUndefined();
  });
});

describe("flat hooks files (Cursor, Copilot CLI)", () => {
  it("put back the agent flag an entry lost, and drop a duplicate", () => {
    const cursor = AGENT_WIRING.cursor;
    const file = { version: 1, hooks: { preToolUse: [{ command: "claude-session-guard pretooluse", timeout: 5 }, { command: "claude-session-guard pretooluse --agent cursor", timeout: 5 }] } };
    const { settings, changes } = cursor.install(file, BARE);
    expect((settings.hooks as Record<string, unknown[]>).preToolUse).toEqual([{ command: "claude-session-guard pretooluse --agent cursor", timeout: 5 }]);
    expect(changes.map((c) => [c.kind, c.event, c.why])).toEqual(expect.arrayContaining([["remove", "preToolUse", "duplicate"]]));
  });
});
