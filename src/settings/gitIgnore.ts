// Keeping `.claude/settings.local.json` out of git, the way Claude Code itself does when it writes
// that file (read from the 2.1.331 bundle, and seen: it appended the rule to ~/.config/git/ignore
// after a "don't ask again" answer): unless git already ignores the file, it appends the rule
// `**/.claude/settings.local.json` to git's global excludes file (core.excludesFile from the
// global config, else $XDG_CONFIG_HOME/git/ignore, else ~/.config/git/ignore). One rule there
// covers every repository, and nothing in the repository itself changes. The file is appended to,
// never rewritten: the user's own rules in it stay as they were, whatever happens.

import type * as nodeFs from "node:fs";
import { dirname, isAbsolute, join } from "node:path";
import { errnoOf } from "../errors.js";

export const LOCAL_SETTINGS_RULE = "**/.claude/settings.local.json";
const LOCAL_SETTINGS = ".claude/settings.local.json";

export type IgnoreFs = Pick<typeof nodeFs, "readFileSync" | "appendFileSync" | "mkdirSync">;

/** Runs git with `args` in `cwd`; null when git cannot be run at all. */
export type GitRunner = (args: string[], cwd: string, env: NodeJS.ProcessEnv) => { code: number | null; stdout: string } | null;

export type IgnoreOutcome =
  /** Not in a git repository (or no git): there is nothing to keep it out of. */
  | { kind: "no-repository" }
  /** git ignores it already; nothing was written. */
  | { kind: "ignored" }
  /** The rule was (or, in a dry run, would be) added to `file`; `tracked` when git tracks the file anyway. */
  | { kind: "added"; file: string; dryRun: boolean; tracked: boolean }
  /** The rule is in `file` but git does not ignore the file: it is tracked, so rules do not apply. */
  | { kind: "tracked"; file: string }
  /** The rule is in `file` but git does not ignore the file: git does not read `file` here. */
  | { kind: "unread"; file: string }
  | { kind: "failed"; file: string; detail: string };

export interface IgnoreDeps {
  git: GitRunner;
  fs: IgnoreFs;
  env: NodeJS.ProcessEnv;
  home: string;
}

export function keepLocalSettingsOutOfGit(root: string, deps: IgnoreDeps, dryRun: boolean): IgnoreOutcome {
  const ignored = deps.git(["check-ignore", "-q", "--", LOCAL_SETTINGS], root, deps.env);
  // 0: ignored, 1: not ignored; anything else (128) means root is not in a work tree.
  if (ignored === null || (ignored.code !== 0 && ignored.code !== 1)) return { kind: "no-repository" };
  if (ignored.code === 0) return { kind: "ignored" };
  const tracked = deps.git(["ls-files", "--error-unmatch", "--", LOCAL_SETTINGS], root, deps.env)?.code === 0;
  const file = globalExcludesFile(root, deps);
  let text: string | null;
  try {
    text = deps.fs.readFileSync(file, "utf8");
  } catch (error) {
    if (errnoOf(error) !== "ENOENT") return { kind: "failed", file, detail: errnoOf(error) ?? String(error) };
    text = null;
  }
  if (text !== null && text.split(/\r?\n/).some((line) => line.trim() === LOCAL_SETTINGS_RULE)) {
    return tracked ? { kind: "tracked", file } : { kind: "unread", file };
  }
  if (dryRun) return { kind: "added", file, dryRun, tracked };
  try {
    deps.fs.mkdirSync(dirname(file), { recursive: true });
    const separator = text === null || text === "" || text.endsWith("\n") ? "" : "\n";
    deps.fs.appendFileSync(file, `${separator}${LOCAL_SETTINGS_RULE}\n`);
  } catch (error) {
    return { kind: "failed", file, detail: errnoOf(error) ?? String(error) };
  }
  return { kind: "added", file, dryRun, tracked };
}

/** core.excludesFile of the global config (as Claude Code asks git for it), else git's default. */
export function globalExcludesFile(cwd: string, deps: Pick<IgnoreDeps, "git" | "env" | "home">): string {
  const configured = deps.git(["--git-dir=/dev/null", "config", "--no-includes", "core.excludesfile"], cwd, { ...deps.env, GIT_CONFIG_NOSYSTEM: "1" });
  const value = configured?.code === 0 ? configured.stdout.trim() : "";
  if (value === "~" || value.startsWith("~/")) return join(deps.home, value.slice(2));
  if (value !== "" && isAbsolute(value)) return value;
  const xdg = deps.env.XDG_CONFIG_HOME;
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, "git", "ignore");
  return join(deps.home, ".config", "git", "ignore");
}
