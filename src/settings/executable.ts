// What a hook command line runs: its words as `sh -c` would split them (enough of the shell for
// the commands people write in settings), and whether the program they name can be executed.

import type * as nodeFs from "node:fs";
import { constants } from "node:fs";
import { delimiter, isAbsolute, join, resolve } from "node:path";

export type ExecFs = Pick<typeof nodeFs, "statSync" | "accessSync">;

export const PLUGIN_ROOT_VAR = "CLAUDE_PLUGIN_ROOT";

export function isExecutableFile(path: string, fs: ExecFs): boolean {
  try {
    if (!fs.statSync(path).isFile()) return false;
    fs.accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first executable called `name` on PATH, as a shell would find it; null if none. */
export function findOnPath(name: string, pathVar: string | undefined, fs: ExecFs, cwd = "/"): string | null {
  if (name.includes("/")) return isExecutableFile(resolve(cwd, name), fs) ? resolve(cwd, name) : null;
  for (const dir of (pathVar ?? "").split(delimiter)) {
    // An empty PATH entry means the current directory, as in POSIX shells.
    const candidate = join(dir === "" ? cwd : dir, name);
    if (isExecutableFile(candidate, fs)) return isAbsolute(candidate) ? candidate : resolve(cwd, candidate);
  }
  return null;
}

/**
 * Expands `$VAR` and `${VAR}` from `vars` (only those; anything else is left as written) and
 * splits into words, honouring single quotes, double quotes and backslashes. Returns null for a
 * command that needs more of the shell than this (pipes, `;`, `&&`, substitutions).
 */
export function commandWords(command: string, vars: Record<string, string>): string[] | null {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  let quote: '"' | "'" | null = null;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote === "'") {
      if (c === "'") quote = null;
      else word += c;
      continue;
    }
    if (c === "\\" && i + 1 < command.length) {
      word += command[++i];
      inWord = true;
      continue;
    }
    if (c === "$") {
      const match = /^\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))/.exec(command.slice(i));
      const name = match?.[1] ?? match?.[2];
      if (name !== undefined && Object.hasOwn(vars, name)) {
        word += vars[name];
        inWord = true;
        i += match![0].length - 1;
        continue;
      }
      if (command[i + 1] === "(") return null;
    }
    if (quote === '"') {
      if (c === '"') quote = null;
      else word += c;
      continue;
    }
    if (c === '"' || c === "'") {
      quote = c;
      inWord = true;
      continue;
    }
    if (c === " " || c === "\t") {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
      continue;
    }
    if (";&|<>`()\n".includes(c)) return null;
    word += c;
    inWord = true;
  }
  if (quote !== null) return null;
  if (inWord) words.push(word);
  return words;
}
