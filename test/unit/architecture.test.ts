// The layout as rules a test can check: the pure core imports no I/O, only world.ts and the entry
// points touch the process, the messages module is a leaf, the hook bundle never loads the
// operator's libraries, and no module imports itself back through a cycle.

import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const src = join(root, "src");
const files = readdirSync(src, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
  .map((f) => `src/${f}`)
  .sort();
const text = (file: string) => readFileSync(join(root, file), "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/^\s*\/\/.*$/gm, "");

/** Static imports and re-exports of a module: `{ spec, typeOnly }`, project modules resolved to src/… paths. */
function importsOf(file: string): Array<{ target: string; typeOnly: boolean }> {
  const found: Array<{ target: string; typeOnly: boolean }> = [];
  for (const match of text(file).matchAll(/^(import|export)\s+(type\s+)?[^;]*?from\s+"([^"]+)"/gm)) {
    const spec = match[3]!;
    const target = spec.startsWith(".") ? relative(root, resolve(dirname(join(root, file)), spec)).replace(/\.js$/, ".ts") : spec;
    found.push({ target, typeOnly: match[2] !== undefined });
  }
  return found;
}

const PURE = [/^src\/lock\/(record|decide|apply|port|md5)\.ts$/, /^src\/bash\//, /^src\/agents\//, /^src\/hook\/(payload|policy|render|commands|holder|background)\.ts$/, /^src\/(messages|errors)\.ts$/];
const PROCESS_ALLOWED = new Set(["src/world.ts", "src/cli.ts"]);

describe("architecture", () => {
  it.each(files.filter((f) => PURE.some((p) => p.test(f))))("%s is pure: no node: imports, no process, no clock", (file) => {
    const code = text(file);
    expect(code).not.toMatch(/from\s+["']node:/);
    expect(code).not.toMatch(/\bprocess\.[a-zA-Z]/);
    expect(code).not.toMatch(/\bDate\.now\b/);
    // Types may come from anywhere: they vanish at run time.
    for (const { target, typeOnly } of importsOf(file)) if (!typeOnly) expect(PURE.some((p) => p.test(target)), `${file} imports ${target}`).toBe(true);
  });

  it.each(files.filter((f) => !PROCESS_ALLOWED.has(f)))("%s leaves the process to world.ts and the entry points", (file) => {
    expect(text(file)).not.toMatch(/\bprocess\.(env|argv|exit|stdin|stdout|stderr|pid|ppid|kill|cwd|platform|getBuiltinModule)\b/);
  });

  it("messages.ts is a leaf: templates over primitives, importing nothing", () => {
    expect(importsOf("src/messages.ts")).toEqual([]);
  });

  it("the hook bundle (everything cli.ts reaches) never loads commander, write-file-atomic or ioredis", () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const { target, typeOnly } of importsOf(file)) if (!typeOnly && target.startsWith("src/")) visit(target);
    };
    visit("src/cli.ts");
    const libraries = [...seen].flatMap((file) => importsOf(file).filter((i) => !i.typeOnly && !i.target.startsWith("src/") && !i.target.startsWith("node:")).map((i) => `${file} -> ${i.target}`));
    expect(libraries.filter((l) => /commander|write-file-atomic|ioredis/.test(l))).toEqual([]);
    expect(seen.has("src/operator.ts")).toBe(false);
    // Other agents' adapters are loaded on demand (dist/agents.cjs): Claude Code's calls never parse them.
    expect([...seen].filter((file) => file.startsWith("src/agents/")).sort()).toEqual(["src/agents/agents.ts", "src/agents/claude.ts", "src/agents/names.ts"]);
  });

  it("has no import cycles", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const walk = (file: string, path: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") {
        cycles.push([...path.slice(path.indexOf(file)), file].join(" -> "));
        return;
      }
      state.set(file, "open");
      for (const { target } of importsOf(file)) if (target.startsWith("src/")) walk(target, [...path, file]);
      state.set(file, "done");
    };
    for (const file of files) walk(file, []);
    expect(cycles).toEqual([]);
  });

  it("finds the imports it checks (the parser is not blind)", () => {
    expect(importsOf("src/cli.ts").map((i) => i.target)).toContain("src/hook/runHook.ts");
    expect(files.length).toBeGreaterThan(20);
  });
});
