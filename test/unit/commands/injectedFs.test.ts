// Every file-system call of the operator commands goes through the injected `fs`, so tests can
// put them in temp dirs and inject faults: only the composition (program.ts) may bind node:fs.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = join(import.meta.dirname, "../../../src");

describe("operator commands take their fs as a dependency", () => {
  const files = ["commands", "settings"].flatMap((dir) =>
    readdirSync(join(SRC, dir))
      .filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts") && name !== "program.ts")
      .map((name) => join(dir, name)),
  );

  it.each(files)("%s binds nothing from node:fs but types and constants", (file) => {
    const source = readFileSync(join(SRC, file), "utf8");
    for (const match of source.matchAll(/^import (.+) from "node:fs";$/gm)) {
      expect(match[1], `${file}: ${match[0]}`).toMatch(/^(type \* as \w+|\{ constants \})$/);
    }
    expect(source).not.toMatch(/require\(["']node:fs["']\)|from "fs"/);
  });
});
