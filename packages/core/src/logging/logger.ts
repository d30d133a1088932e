/**
 * The logging port core writes to. pino satisfies it; core never imports pino.
 * Lines carry a dotted `event` field (`bedrock.invoke.done`); prompts and completions only at debug.
 */
export interface Logger {
  debug(fields: Readonly<Record<string, unknown>>, message?: string): void;
  info(fields: Readonly<Record<string, unknown>>, message?: string): void;
  warn(fields: Readonly<Record<string, unknown>>, message?: string): void;
  error(fields: Readonly<Record<string, unknown>>, message?: string): void;
  child(bindings: Readonly<Record<string, unknown>>): Logger;
}

/** A logger that drops everything: the default when the caller injects none. */
export function createSilentLogger(): Logger {
  const silent: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: () => undefined,
    child: () => silent,
  };
  return silent;
}
