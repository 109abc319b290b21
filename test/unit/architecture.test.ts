import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const sources = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".ts"))
    .map((f) => join(dir, f));

describe("architecture", () => {
  it.each(sources("src/core"))("%s is pure: no node: imports, no process, no clock", (file) => {
    const text = readFileSync(join(root, file), "utf8");
    expect(text).not.toMatch(/from\s+["']node:/);
    expect(text).not.toMatch(/\bprocess\.[a-zA-Z]/);
    expect(text).not.toMatch(/\bDate\.now\b|new Date\(/);
    expect(text).not.toMatch(/from\s+["']\.\.\/(store|hook|host|commands)/);
  });

  it.each(sources("src").filter((f) => !f.startsWith("src/cli.ts") && !f.startsWith("src/commands")))(
    "%s does not load commander (the hook path stays light)",
    (file) => {
      expect(readFileSync(join(root, file), "utf8")).not.toMatch(/from\s+["']commander["']/);
    },
  );
});
