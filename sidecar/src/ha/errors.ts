/** Errors from HA's WebSocket API arrive as `{code, message}` objects, not Error instances. */

/** A readable message for anything thrown by the HA connection or elsewhere. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === 'object' && err !== null) {
    const { code, message } = err as { code?: unknown; message?: unknown };
    if (typeof message === 'string')
      return typeof code === 'string' ? `${message} (${code})` : message;
  }
  if (typeof err === 'number') return `connection error ${err}`; // home-assistant-js-websocket's ERR_* codes
  return String(err);
}
