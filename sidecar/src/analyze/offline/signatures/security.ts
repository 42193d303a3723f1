/** Failed logins to Home Assistant itself: somebody (or some stale token) knocking. */
import type { Outcome, SignatureFamily } from '../types.js';

const common: Omit<Outcome, 'title' | 'rootCause' | 'confidence' | 'severity'> = {
  category: 'security_login',
  // From your own network it is almost always one of your devices, apps or a proxy holding an
  // old token or sending requests wrongly: its configuration is what needs fixing.
  remedy: 'fix_config_then_reload',
  impact:
    'Nothing breaks by itself, but repeated attempts get the address banned when ip_ban_enabled is on, and an unknown address means the instance is being probed.',
  actions: [],
  tests: [
    {
      kind: 'no_new_matching_errors',
      description: 'No new failed logins from {ip}.',
      timeout_s: 3600,
    },
  ],
  manualSteps: [
    'Find what runs at {ip}: a companion app, wall tablet, Node-RED, a script or another tool with a deleted or expired token — sign it in again or give it a new long-lived token.',
    'If the address is unknown and on the internet, close the port forward or use a VPN / Home Assistant Cloud, and set ip_ban_enabled and login_attempts_threshold in http:.',
    'Check Settings → People and your long-lived access tokens for anything you do not recognise.',
  ],
};

/** From an address on the internet: someone probing, nothing of yours to reconfigure. */
const INTERNET = {
  when: { publicHost: true },
  set: { severity: 'error' as const, remedy: 'notify_only' as const },
};

/** Failed and banned logins to Home Assistant. */
export const security: SignatureFamily = {
  family: 'security',
  signatures: [
    {
      id: 'ip_banned',
      match: { text: /\bBanned IP (?<ip>\S+) for too many login attempts/ },
      ...common,
      severity: 'error',
      confidence: 0.92,
      variants: [INTERNET],
      title: 'Home Assistant banned {ip} after too many failed logins',
      rootCause:
        '{ip} failed to log in so often that Home Assistant banned it (ip_bans.yaml). Either one of your own devices keeps using a wrong password or an old token, or someone is guessing passwords.',
    },
    {
      id: 'invalid_authentication',
      match: {
        text: [
          /Login attempt or request with invalid authentication from (?<source>\S+) \((?<ip>[^)\s]+)\)/,
          /Login attempt or request with invalid authentication from (?<ip2>\S+)/,
          /\binvalid authentication from (?<ip3>\S+)/,
        ],
      },
      ...common,
      severity: 'warning',
      confidence: 0.9,
      variants: [INTERNET],
      title: 'Failed login to Home Assistant from {ip}',
      rootCause:
        'Something at {ip}[[ ({source})]] used a wrong password or an invalid or expired token[[ on {url}]]. Usually it is one of your own devices or apps holding an old token; from an unknown internet address it is someone guessing passwords.',
    },
    {
      // OpenSSH's own words (auth.c, auth2.c) for a login it turned away: the SSH add-ons
      // print them in their log.
      id: 'ssh_login_failed',
      match: {
        text: /\b(?:Failed (?:password|publickey|keyboard-interactive\/pam) for (?:invalid user )?(?<user>\S+)|Invalid user (?<user2>\S+)) from (?<ip>[\w.:<>-]+) port \d+/,
      },
      ...common,
      severity: 'warning',
      confidence: 0.85,
      variants: [INTERNET],
      impact:
        'Nothing breaks by itself; an SSH port open to the internet is probed for passwords all the time, and a guessed one gives full control of the host.',
      tests: [
        {
          kind: 'no_new_matching_errors',
          description: 'No new failed SSH logins from {ip}.',
          timeout_s: 3600,
        },
      ],
      title: 'Failed SSH login[[ as {user}]] from {ip}',
      rootCause:
        'The SSH add-on’s server turned away a login[[ as {user}]] from {ip} (“{detail}”): one of your own clients with a wrong password or key, or, from an unknown address, someone guessing passwords.',
      manualSteps: [
        'If {ip} is one of your own machines, fix the user name, password or key it uses.',
        'If it is unknown, do not forward the SSH port from the internet (use a VPN), and log in with keys only: leave the add-on’s password option empty.',
      ],
    },
    {
      // OpenSSH 8.8 and later (the SSH add-ons) refuse RSA signatures made with SHA-1:
      // an old key or an old client (PuTTY) is turned away however often it retries.
      id: 'ssh_key_algorithm',
      match: {
        text: /\b(?:signature algorithm|key type) (?<algorithm>ssh-rsa|ssh-dss)\b[^\n]*not in PubkeyAcceptedAlgorithms/,
      },
      ...common,
      severity: 'warning',
      confidence: 0.85,
      impact: 'Logging in to the SSH add-on with that key fails; everything else runs on.',
      tests: [
        {
          kind: 'no_new_matching_errors',
          description: 'No new SSH logins turned away for their key type.',
          timeout_s: 3600,
        },
      ],
      title: 'The SSH add-on turns away a {algorithm} key',
      rootCause:
        'The SSH server refused the login key because it signs with {algorithm} (SHA-1), which OpenSSH no longer accepts by default (“{detail}”). The key or the client is old (PuTTY before 0.75, an RSA key used by an old client); the password or the key itself is not wrong.',
      manualSteps: [
        'Create a new key of a current type (`ssh-keygen -t ed25519`), put its public half into the add-on’s authorized_keys option and restart the add-on.',
        'Or update the SSH client: current clients sign RSA keys with rsa-sha2-256/512, which the server accepts.',
      ],
    },
  ],
};
