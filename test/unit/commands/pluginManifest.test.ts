// The plugin's manifests agree with the package and with each other, so a release cannot ship a
// plugin that claims another version or that `/plugin install session-guard@session-guard`
// cannot find.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../../..");
const json = (path: string) => JSON.parse(readFileSync(join(ROOT, path), "utf8"));

describe("plugin manifests", () => {
  const pkg = json("package.json");
  const plugin = json(".claude-plugin/plugin.json");
  const marketplace = json(".claude-plugin/marketplace.json");

  it("name the plugin session-guard (Claude Code refuses names starting with claude-) at the package's version", () => {
    expect(plugin).toMatchObject({ name: "session-guard", version: pkg.version, description: expect.any(String), author: { name: expect.any(String) } });
  });

  it("list the plugin at the marketplace root, so `session-guard@session-guard` installs this repository", () => {
    expect(marketplace).toMatchObject({ name: "session-guard", owner: { name: expect.any(String) } });
    expect(marketplace.plugins).toEqual([expect.objectContaining({ name: plugin.name, source: "./", version: pkg.version })]);
  });
});
