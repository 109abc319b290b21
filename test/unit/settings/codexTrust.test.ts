import { describe, expect, it } from "vitest";
import { SettingsError } from "../../../src/errors.js";
import { projectTrusted, recordedHash, trustEntries, withoutTrust, withTrust } from "../../../src/settings/codexTrust.js";

const HOOKS = "/h/.codex/hooks.json";
const hooks = {
  hooks: {
    PreToolUse: [
      { matcher: "Bash", hooks: [{ type: "command", command: "./their-own-hook.sh" }] },
      { matcher: "Bash|apply_patch", hooks: [{ type: "command", command: "claude-session-guard pretooluse --agent codex", timeout: 5 }] },
    ],
    SessionEnd: [{ hooks: [{ type: "command", command: "claude-session-guard stop --agent codex", timeout: 3 }] }],
  },
};

describe("trustEntries", () => {
  it("gives each of the guard's handlers the key and hash Codex CLI 0.171 records for it (and none for the user's own)", () => {
    // The hashes Codex's app-server reports for these handlers (hooks/list currentHash).
    expect(trustEntries(HOOKS, hooks)).toEqual([
      { key: `${HOOKS}:pre_tool_use:1:0`, hash: "sha256:4ce94a95ada0f71fbcff8eb1d14d289060c7deadc7a425f40022b8ae0f4f963f" },
      { key: `${HOOKS}:session_end:0:0`, hash: "sha256:65a14b8fef8ec6c6bd5eae9fc73953142dcc5f51861d3e767efeaa4890844d2b" },
    ]);
  });
});

describe("withTrust / withoutTrust", () => {
  const entries = trustEntries(HOOKS, hooks);
  const config = 'model = "gpt-5.5"\n\n[model_providers.x]\nname = "x"\n';

  it("appends one marked block after everything else, replaces it on the next install, and removes it whole", () => {
    const once = withTrust(config, HOOKS, entries);
    expect(once.startsWith(config)).toBe(true);
    expect(recordedHash(once, entries[0]!.key)).toBe(entries[0]!.hash);
    expect(withTrust(once, HOOKS, entries)).toBe(once);
    expect(withoutTrust(once, HOOKS)).toBe(config);
    expect(withoutTrust(config, HOOKS)).toBe(config);
  });

  it("keeps the blocks of other hooks files apart", () => {
    const both = withTrust(withTrust(config, HOOKS, entries), "/repo/.codex/hooks.json", trustEntries("/repo/.codex/hooks.json", hooks));
    expect(withoutTrust(both, HOOKS)).toBe(withTrust(config, "/repo/.codex/hooks.json", trustEntries("/repo/.codex/hooks.json", hooks)));
  });

  it("leaves an entry Codex recorded itself with the same hash to Codex, and refuses to add a second table beside one with another", () => {
    const reviewed = `${config}\n[hooks.state."${entries[0]!.key}"]\ntrusted_hash = "${entries[0]!.hash}"\n`;
    expect(withTrust(reviewed, HOOKS, entries)).not.toContain(`[hooks.state."${entries[0]!.key}"]\ntrusted_hash = "${entries[0]!.hash}"\n# claude`);
    expect(withTrust(reviewed, HOOKS, entries).split(entries[0]!.key)).toHaveLength(2);
    const stale = reviewed.replace(entries[0]!.hash, "sha256:0000");
    expect(() => withTrust(stale, HOOKS, entries)).toThrow(SettingsError);
  });

  it("refuses a config.toml that defines hooks.state inline, where a table header would clash", () => {
    for (const text of ["hooks.state = {}\n", "[hooks]\nstate = { }\n", "[hooks]\nstate.x.trusted_hash = \"y\"\n"]) expect(() => withTrust(text, HOOKS, entries), text).toThrow(/inline/);
  });
});

describe("projectTrusted", () => {
  it("reads the trust_level of the project's own table only", () => {
    expect(projectTrusted('[projects."/r"]\ntrust_level = "trusted"\n', "/r")).toBe(true);
    expect(projectTrusted('[projects."/r"]\ntrust_level = "untrusted"\n[projects."/s"]\ntrust_level = "trusted"\n', "/r")).toBe(false);
    expect(projectTrusted("", "/r")).toBe(false);
  });
});
