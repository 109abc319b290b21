// Generated from the .mjs beside it (npx tsc --allowJs --declaration --emitDeclarationOnly); keep in step.
/** The optional dependency that carries the native binary for this machine. */
export function platformPackage(): string;
/** @param {string} [cacheDir] */
export function claudeBinaryPath(cacheDir?: string): string;
/**
 * Returns the path of the pinned Claude Code binary, installing it first when missing.
 * @param {{ cacheDir?: string, version?: string, log?: (line: string) => void }} [options]
 */
export function ensureClaudeCode(options?: {
    cacheDir?: string;
    version?: string;
    log?: (line: string) => void;
}): Promise<string>;
export const CLAUDE_CODE_VERSION: "2.1.331";
export const REPO_ROOT: string;
export const DEFAULT_CACHE_DIR: string;
export { PinnedInstallError as ClaudeCodeInstallError };
import { PinnedInstallError } from "./pinnedCli.mjs";
