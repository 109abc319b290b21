import { describe, expect, it } from "vitest";
import { DEFAULT_TTL_MS, parseRecord, serializeRecord } from "../../../src/lock/record.js";

describe("parseRecord", () => {
  it("accepts the original guard's five-field record", () => {
    const text = '{"schema_version":1,"session_id":"s","pid":12,"acquired_at":1764000000000,"ttl_ms":300000}';
    expect(parseRecord(text)).toEqual({
      kind: "record",
      record: { schema_version: 1, session_id: "s", pid: 12, acquired_at: 1764000000000, ttl_ms: 300000 },
    });
  });

  it("defaults a missing ttl_ms and keeps extra fields", () => {
    const parsed = parseRecord('{"schema_version":1,"session_id":"s","pid":12,"acquired_at":5,"workspace":"/w","x":[1]}');
    expect(parsed).toMatchObject({ kind: "record", record: { ttl_ms: DEFAULT_TTL_MS, workspace: "/w", x: [1] } });
  });

  it.each([
    ["", "empty file"],
    ["   \n", "empty file"],
    ['{"schema_version":1,"session_id":"s","pid":1', "not JSON"],
    ["[]", "not a JSON object"],
    ["null", "not a JSON object"],
    ['"text"', "not a JSON object"],
    ['{"pid":1,"acquired_at":1}', "no session_id"],
    ['{"session_id":"","pid":1,"acquired_at":1}', "no session_id"],
    ['{"session_id":"s","pid":0,"acquired_at":1}', "no valid pid"],
    ['{"session_id":"s","pid":-3,"acquired_at":1}', "no valid pid"],
    ['{"session_id":"s","pid":"12","acquired_at":1}', "no valid pid"],
    ['{"session_id":"s","pid":1,"acquired_at":"yesterday"}', "no valid acquired_at"],
    ['{"session_id":"s","pid":1,"acquired_at":1,"ttl_ms":0}', "invalid ttl_ms"],
    ['{"session_id":"s","pid":1,"acquired_at":1,"ttl_ms":1.5}', "invalid ttl_ms"],
    ['{"schema_version":"1","session_id":"s","pid":1,"acquired_at":1}', "invalid schema_version"],
  ])("reads %j as corrupt (%s)", (text, reason) => {
    expect(parseRecord(text)).toEqual({ kind: "corrupt", reason });
  });

  it("round-trips what it writes", () => {
    const record = { schema_version: 1, session_id: "s", pid: 3, acquired_at: 9, ttl_ms: 1000, generation: 2 };
    expect(parseRecord(serializeRecord(record))).toEqual({ kind: "record", record });
  });
});
