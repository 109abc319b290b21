// Generated from the .mjs beside it (npx tsc --allowJs --declaration --emitDeclarationOnly); keep in step.
/**
 * @typedef {{ name: string, input: Record<string, unknown> }} ToolCall
 * @typedef {{ error: { status: number, type: string, message: string } }} ApiError
 * @typedef {ToolCall | ToolCall[] | ApiError} ScriptStep  one assistant message: one call, several in parallel, or an error
 * @typedef {{ method: string, url: string, body: any, at: number }} RecordedRequest  `at`: epoch ms of arrival
 * @typedef {{ tool_use_id: string, is_error: boolean, content: string }} ToolResult
 */
/** @param {string} file_path @param {string} content @returns {ToolCall} */
export function write(file_path: string, content: string): ToolCall;
/** @param {string} file_path @param {string} old_string @param {string} new_string @returns {ToolCall} */
export function edit(file_path: string, old_string: string, new_string: string): ToolCall;
/**
 * @param {string} command
 * @param {{ timeout?: number, description?: string }} [options] timeout in ms, as the Bash tool takes it
 * @returns {ToolCall}
 */
export function bash(command: string, options?: {
    timeout?: number;
    description?: string;
    background?: boolean;
}): ToolCall;
/** A model request that fails with `status` (a server error Claude Code does not retry). */
export function apiError(status?: number, message?: string): ApiError;
/** @param {unknown} content @returns {string} */
export function flattenContent(content: unknown): string;
/**
 * `choose` picks the step that answers a request (and a key that makes its tool ids unique); by
 * default the script is played in order, one step per assistant tool call already in the request.
 * @param {{ script?: ScriptStep[], finalText?: string, choose?: (body: any) => { step: ScriptStep | undefined, key: string } }} [options]
 */
export function startFakeApi(options?: {
    script?: ScriptStep[];
    finalText?: string;
    choose?: (body: any) => {
        step: ScriptStep | undefined;
        key: string;
    };
}): Promise<{
    url: string;
    port: number;
    requests: RecordedRequest[];
    /** Every tool_result block Claude Code sent back, first seen first, without duplicates. */
    toolResults(): ToolResult[];
    hookContexts(): string[];
    /** @returns {Promise<void>} */
    close(): Promise<void>;
}>;
export type ToolCall = {
    name: string;
    input: Record<string, unknown>;
};
/** An HTTP error answer (Claude Code does not retry it: x-should-retry false). */
export type ApiError = {
    error: {
        status: number;
        type: string;
        message: string;
    };
};
/**
 * one assistant message: one call, several in parallel, or an error
 */
export type ScriptStep = ToolCall | ToolCall[] | ApiError;
/**
 * `at`: epoch ms of arrival
 */
export type RecordedRequest = {
    method: string;
    url: string;
    body: any;
    at: number;
};
export type ToolResult = {
    tool_use_id: string;
    is_error: boolean;
    content: string;
};
