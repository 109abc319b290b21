import { createHash, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { md5Hex } from "../../../src/lock/md5.js";

const reference = (text: string) => createHash("md5").update(text, "utf8").digest("hex");

describe("md5Hex", () => {
  it.each([
    ["", "d41d8cd98f00b204e9800998ecf8427e"],
    ["a", "0cc175b9c0f1b6a831c399e269772661"],
    ["abc", "900150983cd24fb0d6963f7d28e17f72"],
    ["message digest", "f96b697d7cb7938d525a2f31aaf161d0"],
    ["12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a"],
  ])("matches the RFC 1321 test vector for %j", (text, hex) => {
    expect(md5Hex(text)).toBe(hex);
  });

  it("agrees with node:crypto on paths of every length around the block boundaries", () => {
    for (let n = 0; n < 200; n++) {
      const text = `/home/user/${"x".repeat(n)}`;
      expect(md5Hex(text)).toBe(reference(text));
    }
  });

  it("agrees with node:crypto on non-ASCII and random text", () => {
    for (const text of ["/home/jürgen/projekt", "/tmp/工作区/repo", "/tmp/emoji-🙂/ws", "C:\\Users\\x"]) {
      expect(md5Hex(text)).toBe(reference(text));
    }
    for (let i = 0; i < 100; i++) {
      const text = randomBytes(1 + (i % 97)).toString("base64");
      expect(md5Hex(text)).toBe(reference(text));
    }
  });
});
