import { describe, expect, it } from "vitest";
import { detectLayout, formatJson, locateJsonError, parseJsonText } from "../../../src/settings/jsonText.js";

describe("parseJsonText", () => {
  it("names the line and column where a settings file stops being JSON", () => {
    const text = '{\n  "hooks": {\n    "Stop": [],\n  }\n}\n';
    const parsed = parseJsonText(text);
    expect(parsed).toEqual({ ok: false, line: 4, column: 3, problem: "a trailing comma before }" });
  });

  it.each([
    ['{"a": 1 "b": 2}', 1, 9, '"," or "}"'],
    ["{\n  // a comment\n}", 2, 3, "comment"],
    ['{"a": "x', 1, 9, "not closed"],
    ["{'a': 1}", 1, 2, "double quotes"],
    ["{} {}", 1, 4, "after the end"],
    ['{"a": tru}', 1, 7, "unexpected"],
  ])("locates the error in %j", (text, line, column, problem) => {
    const parsed = parseJsonText(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect([parsed.line, parsed.column]).toEqual([line, column]);
    expect(parsed.problem).toContain(problem);
  });

  it("agrees with JSON.parse on valid text", () => {
    for (const text of ['{"a":[1,-2.5e3,true,false,null,"\\u00e9\\n"]}', "[]", '"x"', "0"]) {
      expect(parseJsonText(text)).toMatchObject({ ok: true, value: JSON.parse(text) });
      expect(locateJsonError(text).problem).toBe("not valid JSON");
    }
  });
});

describe("layout", () => {
  it("detects two spaces, four spaces, tabs, CRLF and a missing final newline", () => {
    expect(detectLayout('{\n  "a": 1\n}\n')).toMatchObject({ indent: 2, eol: "\n", finalNewline: true });
    expect(detectLayout('{\n    "a": 1\n}')).toMatchObject({ indent: 4, finalNewline: false });
    expect(detectLayout('{\n\t"a": 1\n}\n')).toMatchObject({ indent: "\t" });
    expect(detectLayout('{\r\n  "a": 1\r\n}\r\n')).toMatchObject({ indent: 2, eol: "\r\n", finalNewline: true });
  });

  it("keeps a one-line file on one line, and gives an empty object the common default", () => {
    expect(detectLayout('{"a":1}\n').indent).toBe(0);
    expect(detectLayout("{}\n").indent).toBe(2);
    expect(detectLayout("").indent).toBe(2);
  });

  it("round-trips a file in its own layout, BOM included", () => {
    for (const text of ['{\n    "a": [\n        1\n    ]\n}', '\uFEFF{\r\n\t"a": 1\r\n}\r\n', '{"a":{"b":1}}\n']) {
      const parsed = parseJsonText(text);
      if (!parsed.ok) throw new Error("fixture is valid JSON");
      expect(formatJson(parsed.value, parsed.layout)).toBe(text);
    }
  });
});
