// Reading and writing one settings file. A file that is not valid JSON is an error that names the
// line and column, never "empty": rewriting it would destroy the owner's settings. Writes are
// atomic (write-file-atomic renames a finished temp file over the old one), so the directory must
// take a new file too. A file or `.claude/` directory its owner made read-only (no owner write
// bit) is left alone even where the rename would succeed, as it does for root, whom access()
// never refuses; the mode bits say what the owner meant.

import type * as nodeFs from "node:fs";
import { constants } from "node:fs";
import { dirname } from "node:path";
import { errnoOf, messageOf, SettingsError } from "../errors.js";
import { settings as M } from "../messages.js";
import { isObject, type Json } from "./guardHooks.js";
import { DEFAULT_LAYOUT, formatJson, type JsonLayout, parseJsonText } from "./jsonText.js";

export type SettingsFs = Pick<typeof nodeFs, "readFileSync" | "accessSync" | "mkdirSync" | "statSync">;
export type RemovingFs = SettingsFs & Pick<typeof nodeFs, "unlinkSync" | "rmdirSync">;

export interface SettingsText {
  path: string;
  exists: boolean;
  text: string;
  value: Json;
  layout: JsonLayout;
}

export function readSettingsFile(path: string, fs: SettingsFs): SettingsText {
  let text: string;
  try {
    text = fs.readFileSync(path, "utf8");
  } catch (error) {
    const code = errnoOf(error);
    // ENOTDIR: a parent is a file, so this settings file cannot exist; writing will say why.
    if (code === "ENOENT" || code === "ENOTDIR") return { path, exists: false, text: "", value: {}, layout: DEFAULT_LAYOUT };
    throw new SettingsError(M.cannotRead(path, messageOf(error)), "EREAD", path, { cause: error });
  }
  // An empty file is what `touch` leaves; Claude Code reads it as no settings, and so do we.
  if (text.trim() === "" || text.trim() === "\uFEFF") return { path, exists: true, text, value: {}, layout: DEFAULT_LAYOUT };
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    throw new SettingsError(M.invalidJson(path, parsed.line, parsed.column, parsed.problem), "EJSON", path);
  }
  if (!isObject(parsed.value)) throw new SettingsError(M.notObject(path), "ENOTOBJECT", path);
  return { path, exists: true, text, value: parsed.value, layout: parsed.layout };
}

export function renderSettings(value: Json, layout: JsonLayout): string {
  return formatJson(value, layout);
}

export function writeSettingsFile(
  file: SettingsText,
  text: string,
  fs: SettingsFs,
  writeFileAtomic: (path: string, data: string) => void,
): void {
  const { path } = file;
  if (file.exists) refuseReadOnly(path, fs);
  const dir = dirname(path);
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new SettingsError(M.cannotCreateDir(dir, messageOf(error)), "EWRITE", path, { cause: error });
  }
  refuseReadOnlyDirectory(dir, fs);
  try {
    writeFileAtomic(path, text);
  } catch (error) {
    throw writeProblem(error, path);
  }
}

/**
 * Removes a settings file that holds nothing any more (`{}`), then its directory if that is now
 * empty and `removeDirectory` allows (a project's `.claude/`, never the user's config dir).
 * Returns what it removed. unlink is atomic: Claude Code reads the old file or none.
 */
export function removeSettingsFile(file: SettingsText, fs: RemovingFs, removeDirectory: boolean): { file: boolean; directory: boolean } {
  const { path } = file;
  refuseReadOnly(path, fs);
  const dir = dirname(path);
  refuseReadOnlyDirectory(dir, fs);
  try {
    fs.unlinkSync(path);
  } catch (error) {
    throw writeProblem(error, path);
  }
  if (!removeDirectory) return { file: true, directory: false };
  try {
    fs.rmdirSync(dir);
    return { file: true, directory: true };
  } catch {
    // Not empty (the directory holds other things of its owner's), or gone already: leave it.
    return { file: true, directory: false };
  }
}

function refuseReadOnly(path: string, fs: SettingsFs): void {
  const mode = modeOf(path, fs);
  if (mode !== null && (mode & 0o200) === 0) throw new SettingsError(M.readOnly(path, M.mode(mode)), "EREADONLY", path);
  try {
    fs.accessSync(path, constants.W_OK);
  } catch (error) {
    throw new SettingsError(M.readOnly(path, errnoOf(error) ?? messageOf(error)), "EREADONLY", path, { cause: error });
  }
}

function refuseReadOnlyDirectory(dir: string, fs: SettingsFs): void {
  const mode = modeOf(dir, fs);
  if (mode !== null && (mode & 0o200) === 0) throw new SettingsError(M.directoryReadOnly(dir, M.mode(mode)), "EREADONLY", dir);
}

function modeOf(path: string, fs: SettingsFs): number | null {
  try {
    return fs.statSync(path).mode & 0o7777;
  } catch {
    return null;
  }
}

/**
 * A failed atomic write or removal, said in terms of what the person can change: the directory
 * when the directory refused (never the temp file's name, which exists for a moment only).
 */
function writeProblem(error: unknown, path: string): SettingsError {
  const code = errnoOf(error);
  const dir = dirname(path);
  if (code === "EACCES" || code === "EPERM") return new SettingsError(M.directoryReadOnly(dir, code), "EREADONLY", dir, { cause: error });
  if (code === "EROFS") return new SettingsError(M.readOnlyFileSystem(dir), "EWRITE", path, { cause: error });
  return new SettingsError(M.cannotWrite(path, code ?? messageOf(error)), "EWRITE", path, { cause: error });
}
