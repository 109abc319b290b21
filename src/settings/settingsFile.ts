// Reading and writing one settings file. A file that is not valid JSON is an error that names the
// line and column, never "empty": rewriting it would destroy the owner's settings. Writes are
// atomic (write-file-atomic renames a finished temp file over the old one), and a file its owner
// made read-only is left alone even where the rename would succeed (as it does for root).

import type * as nodeFs from "node:fs";
import { constants } from "node:fs";
import { dirname } from "node:path";
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

export type SettingsErrorCode = "EJSON" | "ENOTOBJECT" | "EREAD" | "EREADONLY" | "EWRITE";

export class SettingsFileError extends Error {
  override name = "SettingsFileError";
  constructor(
    message: string,
    readonly code: SettingsErrorCode,
    readonly path: string,
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}

export function readSettingsFile(path: string, fs: SettingsFs): SettingsText {
  let text: string;
  try {
    text = fs.readFileSync(path, "utf8");
  } catch (error) {
    const code = codeOf(error);
    // ENOTDIR: a parent is a file, so this settings file cannot exist; writing will say why.
    if (code === "ENOENT" || code === "ENOTDIR") return { path, exists: false, text: "", value: {}, layout: DEFAULT_LAYOUT };
    throw new SettingsFileError(`cannot read ${path}: ${messageOf(error)}`, "EREAD", path, error);
  }
  // An empty file is what `touch` leaves; Claude Code reads it as no settings, and so do we.
  if (text.trim() === "" || text.trim() === "\uFEFF") return { path, exists: true, text, value: {}, layout: DEFAULT_LAYOUT };
  const parsed = parseJsonText(text);
  if (!parsed.ok) {
    throw new SettingsFileError(
      `${path} is not valid JSON: line ${parsed.line}, column ${parsed.column}: ${parsed.problem}`,
      "EJSON",
      path,
    );
  }
  if (!isObject(parsed.value)) throw new SettingsFileError(`${path} does not hold a JSON object`, "ENOTOBJECT", path);
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
      throw new SettingsFileError(`${path} is read-only (${codeOf(error) ?? messageOf(error)})`, "EREADONLY", path, error);
    }
  }
  try {
    fs.mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw new SettingsFileError(`cannot create ${dirname(path)}: ${messageOf(error)}`, "EWRITE", path, error);
  }
  try {
    writeFileAtomic(path, text);
  } catch (error) {
    const code = codeOf(error);
    if (code === "EACCES" || code === "EPERM" || code === "EROFS") {
      throw new SettingsFileError(`${path} cannot be written: ${messageOf(error)}`, "EREADONLY", path, error);
    }
    throw new SettingsFileError(`cannot write ${path}: ${messageOf(error)}`, "EWRITE", path, error);
  }
}

function codeOf(error: unknown): string | undefined {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
