// Stands in for the `debug` package inside dist/redis.cjs (the build aliases `debug` to this
// file). With DEBUG=ioredis:* set, the real one writes every command with its arguments to
// stderr, AUTH's password included, and a hook's stderr is shown to the user: the guard must
// never print a password, whatever the environment says.

export interface Debugger {
  (...args: unknown[]): void;
  enabled: boolean;
  namespace: string;
  log: (...args: unknown[]) => void;
  destroy(): boolean;
  extend(suffix: string): Debugger;
}

export default function createDebug(namespace: string): Debugger {
  const debug = Object.assign(() => {}, {
    enabled: false,
    namespace,
    log: () => {},
    destroy: () => true,
    extend: (suffix: string) => createDebug(`${namespace}:${suffix}`),
  });
  return debug;
}
