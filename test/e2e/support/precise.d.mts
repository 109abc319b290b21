// Generated from the .mjs beside it (npx tsc --allowJs --declaration --emitDeclarationOnly); keep in step.
/** The prompt of user turn `n` (0-based), which selects `turns[n]` of a turn API's script. */
export function turnPrompt(n: number): string;
/**
 * The fake Messages API, playing one script per user turn (found by the marker in the prompt), so
 * a multi-turn session starts each turn at the top of that turn's script.
 * @param {{ turns: ScriptStep[][], finalText?: string }} options  one script per user turn
 */
export function startTurnApi({ turns, finalText }: {
    turns: ScriptStep[][];
    finalText?: string;
}): Promise<{
    url: string;
    port: number;
    requests: import("./fakeApi.mjs").RecordedRequest[];
    toolResults(): import("./fakeApi.mjs").ToolResult[];
    hookContexts(): string[];
    close(): Promise<void>;
}>;
/**
 * settings.example.json with some hook events dropped and others added, written into the sandbox.
 * @param {string} dir
 * @param {string} name
 * @param {{ drop?: string[], add?: Record<string, unknown[]> }} change
 */
export function settingsVariant(dir: string, name: string, { drop, add }: {
    drop?: string[];
    add?: Record<string, unknown[]>;
}): string;
/**
 * The guard's decisions log as the sandbox's sessions wrote it, read through the built bin.
 * @param {string} home  the sandbox HOME the sessions ran with
 * @returns {any[]}
 */
export function guardDecisions(home: string): any[];
/**
 * Where `needle` occurs in a Messages API request body: `system` (the top-level prompt) or the
 * index and role of each message whose text holds it.
 * @param {any} body
 * @param {string} needle
 * @returns {{ at: "system" | number, role: string, text: string }[]}
 */
export function whereInRequest(body: any, needle: string): {
    at: "system" | number;
    role: string;
    text: string;
}[];
/**
 * The lines of a session's transcript (what Claude Code keeps to show and resume the session).
 * @param {string} home  the sandbox HOME
 * @param {string} sessionId
 * @returns {any[]}
 */
export function transcript(home: string, sessionId: string): any[];
/** The SessionStart registration the contract prescribes once `sessionstart` ships. */
export const SESSION_START_HOOK: {
    hooks: {
        type: string;
        command: string;
        timeout: number;
    }[];
}[];
export type ScriptStep = import("./fakeApi.mjs").ScriptStep;
