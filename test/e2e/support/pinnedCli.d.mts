// Generated from the .mjs beside it (npx tsc --allowJs --declaration --emitDeclarationOnly); keep in step.
/**
 * Returns `binary(cacheDir)` once `installed(cacheDir)` holds, running `npm install spec` into
 * `cacheDir` first when it does not.
 * @param {{ spec: string, cacheDir: string, binary: (cacheDir: string) => string, installed: (cacheDir: string) => boolean, size: string, log?: (line: string) => void }} options
 */
export function ensurePinned({ spec, cacheDir, binary, installed, size, log }: {
    spec: string;
    cacheDir: string;
    binary: (cacheDir: string) => string;
    installed: (cacheDir: string) => boolean;
    size: string;
    log?: (line: string) => void;
}): Promise<string>;
export class PinnedInstallError extends Error {
    /** @param {string} message @param {string} output */
    constructor(message: string, output: string);
    output: string;
}
