// Types for nodeVersions.mjs, which stays plain ESM so bench/run.mjs can use it without a build.

export declare const REPO_ROOT: string;
export declare const CACHE_DIR: string;
export declare const EXTRA_NODE_MAJORS: number[];
export declare class NodeInstallError extends Error {}
export declare function platformPackage(platform?: NodeJS.Platform, arch?: string): string;
export declare function cacheDirFor(major: number): string;
export declare function versionOf(bin: string): string | null;
export declare function nodeBinaryPath(major: number): string | null;
export declare function cachedNode(major: number): string | null;
export declare function ensureNode(major: number, options?: { log?: (message: string) => void }): Promise<string>;
export declare function installFailureIsFatal(env?: NodeJS.ProcessEnv): boolean;
export declare function loudNotice(lines: string | string[]): void;
