/** Real-world wordings of the auth family's failures (signatures/auth.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('auth', [
  c(
    'ConfigEntryAuthFailed',
    input('spotify', [
      line(
        "Config entry 'Jane' for spotify integration could not authenticate: Refresh token has been revoked",
        'WARNING',
        'homeassistant.config_entries',
      ),
    ]),
    'auth.config_entry_auth_failed',
    'auth_expired',
    'start_reauth',
  ),
  c(
    'OAuth invalid_grant',
    input('tado', [
      line(
        'Token request for tado failed (invalid_grant): Token is expired',
        'ERROR',
        'homeassistant.helpers.config_entry_oauth2_flow',
      ),
    ]),
    'auth.oauth_invalid_grant',
    'auth_expired',
    'start_reauth',
  ),
  c(
    'HTTP 401',
    input('ring', [
      line(
        'Error fetching devices data: 401 Unauthorized',
        'ERROR',
        'homeassistant.components.ring.coordinator',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'start_reauth',
  ),
  c(
    'an authentication exception in a traceback',
    input('smtp', [
      line(
        "Login not possible\nTraceback (most recent call last):\nsmtplib.SMTPAuthenticationError: (535, b'Username and Password not accepted.')",
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'start_reauth',
  ),
  c(
    'an add-on whose clients are refused: its configuration holds the credentials',
    input('hassio', [
      line('Client <unknown> disconnected, not authorised.', 'ERROR', 'supervisor.addons'),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'fix_config_then_reload',
  ),
]);
