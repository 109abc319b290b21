// How to run this guard where its messages are read. A denial tells Claude (and through it the
// user) to run `claude-session-guard clear …`; that only helps if the words work there. A global
// install puts the bare name on PATH; the plugin's bin/ is on the PATH of Claude's own shell; a
// clone wired by absolute path has neither. So the hook names itself the way it can be found.

import * as nodeFs from "node:fs";
import { dirname, join } from "node:path";
import { shellQuote } from "../messages.js";
import { type ExecFs, findOnPath, isExecutableFile } from "../settings/executable.js";

const NAME = "claude-session-guard";

export type SelfFs = ExecFs & Pick<typeof nodeFs, "realpathSync">;

/**
 * The bare name when PATH finds this very install (the same file, or a shim beside it);
 * else the executable shim beside the running script (the plugin's bin/claude-session-guard);
 * else this Node running this script, by absolute paths.
 */
export function selfInvocation(script: string, nodePath: string, pathVar: string | undefined, fs: SelfFs = nodeFs): string {
  const real = realpath(script, fs);
  const found = findOnPath(NAME, pathVar, fs);
  if (found !== null) {
    const foundReal = realpath(found, fs);
    if (foundReal === real || dirname(foundReal) === dirname(real)) return NAME;
  }
  const shim = join(dirname(real), NAME);
  if (shim !== real && isExecutableFile(shim, fs)) return shellQuote(shim);
  return `${shellQuote(nodePath)} ${shellQuote(real)}`;
}

function realpath(path: string, fs: SelfFs): string {
  try {
    return fs.realpathSync(path);
  } catch {
    return path;
  }
}
