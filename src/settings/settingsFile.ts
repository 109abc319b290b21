// Reading and writing one settings file. A file that is not valid JSON is an error that names the
// line and column, never "empty": rewriting it would destroy the owner's settings. Writes are
// atomic (write-file-atomic renames a finished temp file over the old one), and a file its owner
// made read-only is left alone even where the rename would succeed (as it does for root).

import type * as nodeFs from "node:fs";
import { constants } from "node:fs";
import { dirname } from "node:path";
import { errnoOf, messageOf, SettingsError } from "../errors.js";
import { settings as M } from "../messages.js";
import { isObject, type Json } from "./guardHooks.js";
import { DEFAULT_LAYOUT, formatJson, type JsonLayout, parseJsonText } from "./jsonText.js";

export type SettingsFs = Pick<typeof nodeFs, "readFileSync" | "accessSync" | "mkdirSync">;

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
  if (file.exists) {
    try {
      fs.accessSync(path, constants.W_OK);
    } catch (error) {
      throw new SettingsError(M.readOnly(path, errnoOf(error) ?? messageOf(error)), "EREADONLY", path, { cause: error });
    }
  }
  try {
    fs.mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new SettingsError(M.cannotCreateDir(dirname(path), messageOf(error)), "EWRITE", path, { cause: error });
  }
  try {
    writeFileAtomic(path, text);
  } catch (error) {
    const code = errnoOf(error);
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
      throw new SettingsError(M.cannotBeWritten(path, messageOf(error)), "EREADONLY", path, { cause: error });
    }
    throw new SettingsError(M.cannotWrite(path, messageOf(error)), "EWRITE", path, { cause: error });
  }
}
