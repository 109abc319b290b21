// A throwaway machine for operator commands: HOME, CLAUDE_CONFIG_DIR, a git-initialised project,
// and a PATH whose first entry holds a `claude-session-guard` symlink to the built bin (what a
// global npm install provides), then /work/main/bin, then the inherited PATH for node and sh.

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { BIN, type CliResult, runCli } from "../support/cli.js";

export { BIN };

export interface Project {
  root: string;
  home: string;
  config: string;
  runtime: string;
  logDir: string;
  dir: string;
  pathDir: string;
  env: NodeJS.ProcessEnv;
  run(args: string[], options?: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string }): Promise<CliResult>;
  settingsPath(name?: string): string;
  writeSettings(value: unknown, name?: string): string;
  readSettings(name?: string): string;
  cleanup(): void;
}

export function project({ onPath = true }: { onPath?: boolean } = {}): Project {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "csg-cmd-")));
  const home = join(root, "home");
  const config = join(root, "config");
  const dir = join(root, "project");
  const pathDir = join(root, "path");
  for (const d of [home, config, dir, pathDir]) mkdirSync(d, { recursive: true });
  execFileSync("git", ["init", "-q", dir]);
  if (onPath) symlinkSync(BIN, join(pathDir, "claude-session-guard"));
  const env: NodeJS.ProcessEnv = {
    HOME: home,
    CLAUDE_CONFIG_DIR: config,
    XDG_STATE_HOME: join(home, ".local", "state"),
    PATH: [pathDir, dirname(BIN), process.env.PATH ?? ""].join(delimiter),
  };
  const settingsPath = (name = "settings.json") => join(dir, ".claude", name);
  return {
    root,
    home,
    config,
    runtime: join(config, "runtime"),
    logDir: join(home, ".local", "state", "claude-session-guard"),
    dir,
    pathDir,
    env,
    run: (args, options = {}) => runCli(args, { cwd: options.cwd ?? dir, env: { ...env, ...options.env }, input: options.input ?? "" }),
    settingsPath,
    writeSettings(value, name) {
      const path = settingsPath(name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, typeof value === "string" ? value : `${JSON.stringify(value, null, 2)}\n`);
      return path;
    },
    readSettings: (name) => readFileSync(settingsPath(name), "utf8"),
    cleanup: () => rmSync(root, { recursive: true, force: true }),
  };
}
