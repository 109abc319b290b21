// Generated from the .mjs beside it (npx tsc --allowJs --declaration --emitDeclarationOnly); keep in step.
/** First 12 hex chars of MD5(workspace path): the contract's lock file name. */
export function lockHash(workspace: string): string;
/** @param {string} claudeBin @param {string} [prefix] */
export function createSandbox(claudeBin: string, prefix?: string): Sandbox;
/** The environment Claude Code runs with: nothing inherited that names Claude, Anthropic or the guard. */
export function sessionEnv(options: { pathDir: string; home: string; tmp: string; apiUrl: string; extra?: Record<string, string | undefined> }): Record<string, string>;
/** @typedef {import("./fakeApi.mjs").ScriptStep} ScriptStep */
export const GUARD_BIN_DIR: string;
export const SETTINGS_EXAMPLE: string;
export const GUARD_BIN: string;
export const ALLOWED_TOOLS: "Write Bash Edit";
export class RunningSession {
    /**
     * @param {import("node:child_process").ChildProcessWithoutNullStreams} child
     * @param {Awaited<ReturnType<typeof startFakeApi>>} api
     * @param {"json" | "stream-json"} format
     */
    constructor(child: import("node:child_process").ChildProcessWithoutNullStreams, api: Awaited<ReturnType<typeof startFakeApi>>, format: "json" | "stream-json");
    child: import("child_process").ChildProcessWithoutNullStreams;
    api: {
        url: string;
        port: number;
        requests: import("./fakeApi.mjs").RecordedRequest[];
        toolResults(): import("./fakeApi.mjs").ToolResult[];
        hookContexts(): string[];
        close(): Promise<void>;
    };
    format: "json" | "stream-json";
    stdout: string;
    stderr: string;
    /** @type {Promise<SessionResult>} */
    done: Promise<SessionResult>;
    get finished(): boolean;
    /** Sends one more user turn (streamInput sessions only). */
    send(prompt: string): void;
    /** Ends a streamInput session: Claude Code finishes and fires SessionEnd. */
    endInput(): void;
    /** Parsed stdout lines so far (stream-json). */
    events(): any[];
    /** Resolves once `count` turns have ended (a `result` line per turn, stream-json only). */
    waitForTurns(count: number, timeoutMs?: number): Promise<any[]>;
    kill(): void;
}
/**
 * A Bash command that marks when it has started and then holds its session inside a tool call
 * until the test releases it, so "while A works" is a fact rather than a race against a sleep.
 * It gives up on its own after `maxSeconds`, or when the sandbox is deleted.
 */
export class Gate {
    /** @param {string} dir */
    constructor(dir: string, maxSeconds?: number);
    started: string;
    released: string;
    command: string;
    /** Waits until the gated command runs; fails fast if the session ended first. */
    waitStarted(session: RunningSession, timeoutMs?: number): Promise<void>;
    release(): void;
}
export class Sandbox {
    /** @param {string} claudeBin @param {string} root */
    constructor(claudeBin: string, root: string);
    claudeBin: string;
    root: string;
    home: string;
    tmp: string;
    pathDir: string;
    settingsPath: string;
    /** @type {RunningSession[]} */
    sessions: RunningSession[];
    /** @type {Gate[]} */
    gates: Gate[];
    worktrees: number;
    /** mkdir -p under the sandbox root; returns the real path. */
    dir(...parts: string[]): string;
    /** A fresh `git init` repository with one commit (worktrees need one). */
    gitRepo(name: string): string;
    /**
     * `git worktree add` of `repo` at `relPath` (under the sandbox root; inside the repository
     * too, the way Claude Code's own worktrees live in .claude/worktrees/) on a new branch.
     */
    worktree(repo: string, relPath: string): string;
    gate(): Gate;
    /** Where the guard keeps locks for sessions of this sandbox (CLAUDE_CONFIG_DIR unset). */
    get runtimeDir(): string;
    /** Names of the lock files present now. */
    lockFiles(runtimeDir?: string): string[];
    /** @param {SessionOptions} options */
    startSession(options: SessionOptions): Promise<RunningSession>;
    /** @param {SessionOptions} options */
    runSession(options: SessionOptions): Promise<SessionResult>;
    /**
     * Lets every session finish on its own before anything is killed: Claude Code runs Bash in a
     * process session of its own, so killing Claude Code would orphan a gated command that then
     * writes into the sandbox while it is being deleted.
     */
    cleanup(): Promise<void>;
}
export type SessionOptions = {
    /**
     * the directory the session starts in
     */
    cwd: string;
    /**
     * tool calls the scripted model makes, one step per assistant message
     */
    script?: ScriptStep[];
    prompt?: string;
    finalText?: string;
    /**
     * stream-json (with --verbose) also shows hook system messages
     */
    outputFormat?: "json" | "stream-json";
    /**
     * keep the session open for more turns (--input-format stream-json)
     */
    streamInput?: boolean;
    /**
     * extra environment; undefined removes a variable
     */
    env?: Record<string, string | undefined>;
    /**
     * other hooks than settings.example.json's (fixture capture); null: no --settings, only the files Claude Code finds itself
     */
    settingsPath?: string | null;
    /**
     * more arguments for claude (--add-dir DIR, …)
     */
    args?: string[];
    /**
     * instead of ALLOWED_TOOLS
     */
    allowedTools?: string;
};
export type SessionResult = {
    exitCode: number | null;
    stdout: string;
    stderr: string;
    /**
     * the final result object (`permission_denials`, `session_id`, ...)
     */
    result: any;
    /**
     * every JSON line printed (just `[result]` with --output-format json)
     */
    events: any[];
    /**
     * what hooks showed the user (stream-json only)
     */
    systemMessages: string[];
    api: Awaited<ReturnType<typeof startFakeApi>>;
};
export type ScriptStep = import("./fakeApi.mjs").ScriptStep;
import { startFakeApi } from "./fakeApi.mjs";
