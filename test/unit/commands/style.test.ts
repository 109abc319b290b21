import { describe, expect, it } from "vitest";
import { ansi, plain, wantsColour } from "../../../src/commands/style.js";
import { printableText } from "../../../src/messages.js";

describe("wantsColour", () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ TERM: "dumb" }, true, false],
    [{ NO_COLOR: "1" }, true, false],
    [{ NO_COLOR: "" }, true, true],
    [{ FORCE_COLOR: "1" }, false, true],
    [{ FORCE_COLOR: "0" }, true, false],
    [{ FORCE_COLOR: "false" }, true, false],
    [{ FORCE_COLOR: "1", NO_COLOR: "1" }, true, false],
  ])("with %j and a terminal: %s -> %s", (env, terminal, expected) => {
    expect(wantsColour(env, terminal)).toBe(expected);
  });
});

describe("painting", () => {
  it("wraps text in one colour and turns only that colour off again", () => {
    expect(ansi("bad", "FAIL")).toBe("\u001b[31mFAIL\u001b[39m");
    expect(ansi("strong", "STATE")).toBe("\u001b[1mSTATE\u001b[22m");
    expect(plain("bad", "FAIL")).toBe("FAIL");
  });

  it("lets colour through the output filter only when asked, and no other escape sequence ever", () => {
    const text = `${ansi("good", "pass")}  title \u001b]0;pwned\u0007 clear \u001b[2J\n`;
    expect(printableText(text, true)).toBe("\u001b[32mpass\u001b[39m  title \\x1b]0;pwned\\x07 clear \\x1b[2J\n");
    expect(printableText(text)).toBe("\\x1b[32mpass\\x1b[39m  title \\x1b]0;pwned\\x07 clear \\x1b[2J\n");
  });
});
