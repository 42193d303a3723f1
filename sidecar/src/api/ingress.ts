/**
 * Home Assistant ingress (add-on mode): the Supervisor proxies the add-on's web
 * UI for logged-in HA users, from one fixed address. Only requests from that
 * address count as ingress; they need no API token (HA authenticated the user)
 * and carry the user's name for the journal. Everything else needs the token.
 */
import type { Request } from 'express';

/** The Supervisor's ingress proxy address on the hassio network. */
export const SUPERVISOR_INGRESS_PEER = '172.30.32.2';

/** The ingress user of a request, or null when it did not come through ingress. */
export function ingressUser(req: Request, peer: string | null): string | null {
  if (!peer) return null;
  const remote = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
  if (remote !== peer) return null;
  return (
    req.get('x-remote-user-display-name') ??
    req.get('x-remote-user-name') ??
    req.get('x-remote-user-id') ??
    'ingress user'
  );
}
