// Settings files as text: parse them strictly, say exactly where a broken one breaks, and write
// them back in the layout their owner chose (indentation, line endings, final newline, BOM).
// JSON.parse alone cannot do the first: on Node 20 its message names neither line nor column.

import { settings } from "../messages.js";

const J = settings.json;

export interface JsonLayout {
  /** What JSON.stringify takes as `space`: a tab, some spaces, or 0 for a one-line file. */
  indent: string | number;
  eol: "\n" | "\r\n";
  finalNewline: boolean;
  bom: boolean;
}

export const DEFAULT_LAYOUT: JsonLayout = { indent: 2, eol: "\n", finalNewline: true, bom: false };

export type ParsedJson =
  | { ok: true; value: unknown; layout: JsonLayout }
  | { ok: false; line: number; column: number; problem: string };

export function parseJsonText(text: string): ParsedJson {
  const bom = text.startsWith("\uFEFF");
  const body = bom ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body), layout: { ...detectLayout(body), bom } };
  } catch {
    const { offset, problem } = locateJsonError(body);
    const { line, column } = lineAndColumn(body, offset);
    return { ok: false, line, column, problem };
  }
}

export function formatJson(value: unknown, layout: JsonLayout): string {
  let text = JSON.stringify(value, null, layout.indent);
  if (layout.eol === "\r\n") text = text.replace(/\n/g, "\r\n");
  return `${layout.bom ? "\uFEFF" : ""}${text}${layout.finalNewline ? layout.eol : ""}`;
}

/** The indentation of the first indented line decides, as detect-indent and npm do. */
export function detectLayout(text: string): JsonLayout {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const finalNewline = text.trim() === "" ? true : /\r?\n$/.test(text);
  const indented = /\n([ \t]+)\S/.exec(text);
  const trimmed = text.trim();
  let indent: string | number = 2;
  if (indented) {
    const ws = indented[1]!;
    indent = ws.startsWith("\t") ? "\t" : ws.length;
  } else if (!trimmed.includes("\n") && !/^(\{\s*\}|\[\s*\])?$/.test(trimmed)) {
    // A file written on one line stays on one line; an empty one gets the common default.
    indent = 0;
  }
  return { indent, eol, finalNewline, bom: false };
}

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === "\n") {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * A strict JSON grammar walk that only finds where the text stops being JSON; JSON.parse has
 * already said it is not. Returns the offset of the first offending character.
 */
export function locateJsonError(text: string): { offset: number; problem: string } {
  let i = 0;
  class Stop {
    constructor(
      readonly offset: number,
      readonly problem: string,
    ) {}
  }
  const fail = (problem: string, at = i): never => {
    // Comments are the most common reason a hand-edited settings file is not JSON: say so.
    const comment = text.startsWith("//", at) || text.startsWith("/*", at);
    throw new Stop(at, comment ? J.comment : problem);
  };
  const describe = (at: number) => (at >= text.length ? J.endOfFile : `"${text[at]}"`);
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i]!)) i++;
  };
  const expect = (ch: string, what: string) => {
    if (text[i] !== ch) fail(J.expected(what, describe(i)));
    i++;
  };
  const string = () => {
    expect('"', J.aString);
    for (;;) {
      if (i >= text.length) fail(J.unclosedString);
      const c = text[i]!;
      if (c === '"') {
        i++;
        return;
      }
      if (c < " ") fail(J.controlCharacter);
      if (c === "\\") {
        const e = text[i + 1];
        if (e === "u") {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail(J.badUnicodeEscape);
          i += 6;
          continue;
        }
        if (e === undefined || !'"\\/bfnrt'.includes(e)) fail(J.badEscape);
        i += 2;
        continue;
      }
      i++;
    }
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match || match[0] === "" || match[0] === "-") fail(J.unexpected(describe(i)));
    i += match![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(J.propertyName(describe(i)));
        string();
        ws();
        expect(":", J.colonAfterName);
        value();
        ws();
        if (text[i] === ",") {
          i++;
          ws();
          if (text[i] === "}") fail(J.trailingComma("}"));
          continue;
        }
        expect("}", `"," or "}"`);
        return;
      }
    }
    if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ",") {
          i++;
          ws();
          if (text[i] === "]") fail(J.trailingComma("]"));
          continue;
        }
        expect("]", `"," or "]"`);
        return;
      }
    }
    if (c === '"') return string();
    for (const word of ["true", "false", "null"]) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return;
      }
    }
    if (c !== undefined && /[-0-9]/.test(c)) return number();
    fail(c === undefined ? J.unexpectedEnd : J.unexpected(describe(i)));
  };
  try {
    value();
    ws();
    if (i < text.length) fail(J.afterEnd(describe(i)));
    return { offset: text.length, problem: J.invalid };
  } catch (error) {
    if (error instanceof Stop) return { offset: error.offset, problem: error.problem };
    throw error;
  }
}
