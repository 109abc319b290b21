import { describe, expect, it } from "vitest";
import { keepAtEnd, leaseOf } from "../../../src/hook/background.js";
import type { BackgroundTask } from "../../../src/hook/payload.js";
import type { LockRecord, WorkItem } from "../../../src/lock/record.js";

const NOW = 1_764_000_000_000;
const TTL = 300_000;
const at = { now: NOW, ttlMs: TTL, here: true };

const record = (work: WorkItem[] = []): LockRecord => ({ schema_version: 1, session_id: "me", pid: 1, acquired_at: NOW - 1000, ttl_ms: TTL, ...(work.length > 0 && { work }) });
const stop = (tasks: BackgroundTask[] | null) => ({ event: "Stop", tasks, reason: null });
const shell = (over: Partial<BackgroundTask> = {}): BackgroundTask => ({ id: "b1", type: "shell", status: "running", description: "dev server", command: "npm run dev", ...over });

describe("keepAtEnd", () => {
  it("releases at a Stop with no running work, and at a Stop that carries no list (older Claude Code)", () => {
    expect(keepAtEnd(stop([]), record(), at)).toEqual([]);
    expect(keepAtEnd(stop(null), record(), at)).toEqual([]);
    expect(keepAtEnd(stop([shell({ status: "completed" })]), record(), at)).toEqual([]);
  });

  it("keeps a background command until the deadline its call declared, matched by task id or by command", () => {
    const started: WorkItem = { type: "shell", id: "b1", command: "npm run dev", since: NOW - 60_000, until: NOW + 3_600_000 };
    expect(keepAtEnd(stop([shell()]), record([started]), at)).toEqual([{ type: "shell", id: "b1", description: "dev server", command: "npm run dev", since: NOW - 60_000, until: NOW + 3_600_000 }]);
    const byCall = { ...started, id: "toolu_1" };
    expect(keepAtEnd(stop([shell()]), record([byCall]), at)?.[0]).toMatchObject({ id: "b1", until: NOW + 3_600_000 });
  });

  it("gives a command it did not see start the default ten minutes, in the workspace the session is in only", () => {
    expect(keepAtEnd(stop([shell()]), record(), at)).toEqual([{ type: "shell", id: "b1", description: "dev server", command: "npm run dev", since: NOW, until: NOW + 600_000 + TTL }]);
    expect(keepAtEnd(stop([shell()]), record(), { ...at, here: false })).toEqual([]);
  });

  it("keeps every lock for one TTL per Stop while an agent, a workflow or a teammate runs", () => {
    for (const type of ["subagent", "workflow", "teammate", "MCP task", "something new"]) {
      expect(keepAtEnd(stop([{ id: "a1", type, status: "running" }]), record(), { ...at, here: false }), type).toEqual([{ type, id: "a1", since: NOW, until: NOW + TTL }]);
    }
  });

  it("keeps nothing for work that cannot change the workspace", () => {
    for (const type of ["cloud session", "memory save", "auto-mode scan"]) {
      expect(leaseOf(type)).toBe("none");
      expect(keepAtEnd(stop([{ id: "r1", type, status: "running" }]), record(), at), type).toEqual([]);
    }
  });

  it("never releases on SubagentStop", () => {
    expect(keepAtEnd({ event: "SubagentStop", tasks: [], reason: null }, record(), at)).toBeNull();
  });

  it("releases at SessionEnd, except /clear while the record shows work still running", () => {
    const running: WorkItem = { type: "shell", id: "b1", since: NOW - 1, until: NOW + 60_000 };
    expect(keepAtEnd({ event: "SessionEnd", tasks: null, reason: "other" }, record([running]), at)).toEqual([]);
    expect(keepAtEnd({ event: "SessionEnd", tasks: null, reason: "clear" }, record([running]), at)).toBeNull();
    expect(keepAtEnd({ event: "SessionEnd", tasks: null, reason: "clear" }, record(), at)).toEqual([]);
  });

  it("releases at a Stop without a task list unless the record shows work still running (agents that list no background work)", () => {
    const running: WorkItem = { type: "shell", id: "b1", since: NOW - 1, until: NOW + 60_000 };
    expect(keepAtEnd(stop(null), record([running]), at)).toBeNull();
    expect(keepAtEnd(stop(null), record([{ ...running, until: NOW - 1 }]), at)).toEqual([]);
  });

  it("releases after an API error (StopFailure) unless the record shows work still running", () => {
    const running: WorkItem = { type: "subagent", id: "a1", since: NOW - 1, until: NOW + 60_000 };
    expect(keepAtEnd({ event: "StopFailure", tasks: null, reason: null }, record(), at)).toEqual([]);
    expect(keepAtEnd({ event: "StopFailure", tasks: null, reason: null }, record([running]), at)).toBeNull();
    const over: WorkItem = { ...running, until: NOW - 1 };
    expect(keepAtEnd({ event: "StopFailure", tasks: null, reason: null }, record([over]), at)).toEqual([]);
  });
});
