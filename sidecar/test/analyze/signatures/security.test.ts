/** Real-world wordings of the security family's failures (signatures/security.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('security', [
  c(
    'a brute-force ban',
    input('http', [
      line(
        'Banned IP 203.0.113.45 for too many login attempts',
        'WARNING',
        'homeassistant.components.http.ban',
      ),
    ]),
    'security.ip_banned',
    'security_login',
    'notify_only',
  ),
  c(
    'a failed login',
    input('http', [
      line(
        "Login attempt or request with invalid authentication from tablet.lan (192.168.1.61). Requested URL: '/api/websocket'. (Mozilla/5.0)",
        'WARNING',
        'homeassistant.components.http.ban',
      ),
    ]),
    'security.invalid_authentication',
    'security_login',
    // From the home network: one of the user's own devices holds an old token.
    'fix_config_then_reload',
  ),
  c(
    'a failed login from the internet',
    input('http', [
      line(
        "Login attempt or request with invalid authentication from 203.0.113.7 (203.0.113.7). Requested URL: '/auth/login_flow'.",
        'WARNING',
        'homeassistant.components.http.ban',
      ),
    ]),
    'security.invalid_authentication',
    'security_login',
    // Someone probing: nothing of the user's to reconfigure.
    'notify_only',
  ),
  c(
    'an old RSA key at the SSH add-on (OpenSSH 8.8+)',
    input(null, [
      line(
        'userauth_pubkey: signature algorithm ssh-rsa not in PubkeyAcceptedAlgorithms [preauth]',
        'UNKNOWN',
      ),
    ]),
    'security.ssh_key_algorithm',
    'security_login',
    // A new key of a current type, not a retry: the server refuses that algorithm.
    'fix_config_then_reload',
  ),
  c(
    'PuTTY’s ssh-rsa key at the SSH add-on',
    input(null, [
      line(
        'userauth_pubkey: key type ssh-rsa not in PubkeyAcceptedAlgorithms [preauth]',
        'UNKNOWN',
      ),
    ]),
    'security.ssh_key_algorithm',
    'security_login',
    'fix_config_then_reload',
  ),
  c(
    // OpenSSH in the SSH add-ons (auth.c).
    'a failed SSH password login from the local network',
    input('hassio', [
      line('Failed password for root from 192.168.1.50 port 51234 ssh2', 'UNKNOWN'),
    ]),
    'security.ssh_login_failed',
    'security_login',
    'fix_config_then_reload',
  ),
  c(
    'an unknown user name tried on SSH from the internet',
    input('hassio', [line('Invalid user admin from 203.0.113.7 port 40022', 'UNKNOWN')]),
    'security.ssh_login_failed',
    'security_login',
    'notify_only',
  ),
]);
