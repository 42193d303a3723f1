/** Credentials the service no longer accepts: only a new sign-in helps, never a retry. */
import type { ActionTemplate, Signature, SignatureFamily } from '../types.js';
import { customRelease } from '../variants.js';

const SECURITY = /Login attempt or request with invalid authentication|Banned IP/;
const RATE_LIMIT = /\b429\b|too many requests|rate[- ]?limit/i;

const reauth: ActionTemplate = {
  action_id: 'start_reauth',
  params: { entry_id: '$entry_id' },
  rationale:
    'Ask an admin to sign in to {integration} again; retrying or reloading cannot fix credentials the service no longer accepts.',
  risk: 'low',
};

const common: Omit<Signature, 'id' | 'match' | 'title' | 'rootCause' | 'confidence'> = {
  category: 'auth_expired',
  remedy: 'start_reauth',
  severity: 'error',
  impact:
    '{integration} cannot fetch or send anything until someone signs in again; its entities stay unavailable or stale.',
  actions: [reauth],
  tests: [
    {
      kind: 'config_entry_loaded',
      description: 'The {integration} config entry is loaded again after the new sign-in.',
      timeout_s: 600,
    },
    {
      kind: 'no_new_matching_errors',
      description: 'No new authentication errors from {integration}.',
      timeout_s: 1800,
    },
  ],
  variants: [
    {
      // An add-on has no sign-in flow: its credentials are options in its configuration.
      when: { addon: true },
      set: {
        remedy: 'fix_config_then_reload',
        actions: [],
        impact: 'The add-on (or what connects to it) is refused until the credentials match.',
        manualSteps: [
          'Open Settings → Add-ons → the add-on → Configuration and correct the user name, password or token it uses (or the one its clients use).',
          'Restart the add-on so it reads the new options, and update any client (integration, device) that signs in to it.',
        ],
      },
    },
    {
      // A broker refusing a named client it should know: it reads its users when it starts
      // (users added since, a restored backup, a boot race), so a restart of the broker helps.
      when: {
        addon: true,
        text: /Client (?!<unknown>)[\w.-]+ disconnected, not authori[sz]ed|Connection refused: Not authori[sz]ed/i,
      },
      set: {
        remedy: 'restart_addon',
        rootCause:
          'The MQTT broker refuses a client that signs in with a user name (“{detail}”). The broker add-on reads the users it accepts when it starts, so a user created since, a restored backup or a start before Home Assistant was ready leaves it with an outdated list.',
        manualSteps: [
          'Restart the broker add-on (Settings → Add-ons → Mosquitto broker → Restart) so it reads its users again.',
          'If it still refuses, check the client’s user name and password against the broker’s logins option or the Home Assistant user.',
        ],
      },
    },
    {
      // No credentials at all, or the wrong kind: the client's configuration lacks them.
      when: {
        addon: true,
        text: /null username or password|Client <unknown> disconnected, not authori[sz]ed|anonymous|Unauthorized WebSocket access/i,
      },
      set: {
        category: 'invalid_config',
        remedy: 'fix_config_then_reload',
        rootCause:
          'A client connects without the credentials the add-on requires (“{detail}”): anonymous access is not accepted, or the client is not set up with the add-on’s user or token.',
        manualSteps: [
          'Configure the client (an integration, a device, another add-on) with a user name and password the add-on accepts, or with the add-on token option it offers.',
          'Then restart the client or reload its integration.',
        ],
      },
    },
  ],
  manualSteps: [
    'Open Settings → Devices & services → {integration}; follow the “Reconfigure” / re-authenticate prompt and sign in again.',
    'If the password or API key changed, enter the new one; if access was revoked in the vendor’s account or app, grant it again.',
    'If the integration offers no re-authentication, delete the entry and add it again.',
  ],
};

/** Expired, revoked or rejected credentials of an integration. */
export const auth: SignatureFamily = {
  family: 'auth',
  signatures: [
    {
      id: 'config_entry_auth_failed',
      match: {
        text: [
          /integration could not authenticate(?:: (?<reason>.+))?/,
          /\bConfigEntryAuthFailed\b(?:: (?<reason2>.+))?/,
          /\bre-?authenticat(?:e|ion) (?:is )?required\b/i,
        ],
      },
      ...common,
      confidence: 0.9,
      title: 'Sign-in to {integration} is no longer accepted',
      rootCause:
        'The service behind {integration} rejected the stored credentials[[ (“{reason}”)]]: the password, API key or token was changed, expired or revoked. Home Assistant stops the entry and asks for a new sign-in.',
    },
    {
      // Setup crashed inside the token refresh, with no rejection to show for it: the
      // service's login changed under the integration or its library.
      id: 'token_refresh_crashed',
      match: {
        text: /Error setting up entry [^\n]*for \w[\s\S]*\bin \w*refresh_(?:access_)?token\b/,
      },
      ...common,
      remedy: 'notify_only',
      actions: [],
      confidence: 0.6,
      title: '{integration} fails while renewing its sign-in',
      rootCause:
        'Setting up {integration} failed while it renewed its access token[[ ({exception})]]. The service’s login may have changed.',
      manualSteps: [
        'Look for a release of {integration} that fixes the sign-in, and update.',
        'Then try signing in again (Reconfigure or re-authenticate).',
      ],
    },
    {
      // OAuth's invalid_client: the provider rejects the app (client ID and secret), not the
      // user's grant, so signing in again cannot help until the credentials are replaced.
      id: 'oauth_invalid_client',
      match: {
        text: /\bfailed \(invalid_client\)|\binvalid_client\b|\bClient or client secret is invalid\b/,
        unless: SECURITY,
      },
      ...common,
      category: 'invalid_config',
      remedy: 'fix_config_then_reload',
      actions: [],
      confidence: 0.92,
      title: 'The application credentials of {integration} are not accepted',
      rootCause:
        'The OAuth provider rejects the client ID or secret that Home Assistant’s application credentials hold for {integration} (“{detail}”): the app’s secret was renewed, or the app was deleted, in the vendor’s developer portal. Signing in again does not help until the application credentials are replaced.',
      manualSteps: [
        'Check the app in the vendor’s developer portal and copy its current client ID and secret.',
        'Settings → Devices & services → ⋮ → Application credentials: remove the old entry for {integration} and add the current one.',
        'Then sign in to {integration} again (reconfigure or repair its entry).',
      ],
    },
    {
      id: 'oauth_invalid_grant',
      match: {
        text: [
          /\binvalid_grant\b|\bOAuth2RefreshTokenFailed\b/,
          /\bToken request (?:for \S+ )?failed\b/,
          /\b(?:invalid|expired|revoked) refresh[_ ]token\b/i,
          /\brefresh[_ ]token (?:is |has been |was )?(?:invalid|expired|revoked|not valid|not found|unknown)/i,
          /\b(?:OAuth2? )?token refresh (?:failed|error)|\b(?:Error|Unable to|Failed to|Could not|Can't|Cannot) refresh(?:ing)? (?:the )?(?:\w+ )?(?:access |auth )?tokens?\b/i,
        ],
        unless: SECURITY,
      },
      ...common,
      confidence: 0.9,
      title: 'The {integration} account link (OAuth token) has expired or was revoked',
      rootCause:
        'The OAuth refresh token stored for {integration} was rejected (invalid_grant): it expired, was revoked in the vendor’s account, or the app’s access was removed. Without it Home Assistant cannot get new access tokens, so setup and updates fail until the account is linked again.',
    },
    {
      // The sign-in endpoint answers with a status that is no verdict on the password (a 401
      // or 403 would be): it was moved or retired, or it turns away this client's version.
      id: 'sign_in_changed',
      match: {
        text: /\/(?:auth\/)?(?:login|signin|sign-in|oauth2?\/token|token)\b[^\n]{0,120}?:? (?<status>404|405|410|418|426)\b|\b(?:status|code|HTTP):? (?<status2>404|405|410|418|426)\b[^\n]{0,120}\/(?:auth\/)?(?:login|signin|oauth2?\/token|token)\b|\bToken exchange failed\. Request status: (?<status3>404|405|410|418|426)\b/i,
      },
      ...common,
      remedy: 'notify_only',
      actions: [],
      confidence: 0.6,
      variants: [customRelease],
      title: 'The sign-in service of {integration} no longer accepts its requests',
      rootCause:
        'Signing in to the service behind {integration} fails with HTTP {status} (“{detail}”): not a verdict on the password (that would be 401 or 403), but a sign-in endpoint that was moved or retired, or that turns away this version of the integration. Signing in again sends the same request; a release of {integration} that follows the service’s change is needed.',
      manualSteps: [
        'Update {integration} and look at its issue tracker: a change of the service’s sign-in affects every user at once.',
        'Once a fixed release is installed, sign in again if Home Assistant asks for it.',
      ],
    },
    {
      // ESPHome's native API encrypts with a key both sides hold; when one side gains, drops
      // or changes it (a new firmware, an adopted device), the connection stops at the handshake.
      id: 'encryption_key',
      match: {
        text: /dropped immediately after encrypted hello|enabled transport encryption or changed the encryption key|\bRequiresEncryptionAPIError\b|\bConnection requires encryption\b|\bInvalidEncryptionKeyAPIError\b|\brejected the zero PSK handshake\b/i,
      },
      ...common,
      confidence: 0.85,
      title: '{integration} and the device do not hold the same encryption key',
      rootCause:
        'The device and Home Assistant disagree about the API encryption key (“{detail}”): the device’s new firmware added, removed or changed the key (an adopted or updated device gets a new one), while Home Assistant still uses the old setting. Every connection stops at the handshake, however often it retries.',
      manualSteps: [
        'Open Settings → Devices & services → {integration} and enter the device’s current key when it asks for it (Reconfigure); the key is in the device’s YAML under api: encryption: key, or in the ESPHome dashboard.',
        'If the device should keep its old key, flash it again with that key in its configuration.',
      ],
    },
    {
      id: 'unauthorized',
      match: {
        text: [
          /\b401\b[^\n]{0,40}(?:Unauthori[sz]ed|Invalid|token|credential|auth)/i,
          /(?:Unauthori[sz]ed|HTTP|status|code|error|returned|response)[^\n\d]{0,20}\b401\b/i,
          /\bUnauthori[sz]ed\b/,
          // Not expat's "not well-formed (invalid token)": a malformed XML answer, not a credential.
          /(?<!well-formed \()\b(?:invalid|expired|revoked|bad) (?:access |auth(?:entication)? |api |bearer )?token\b/i,
          /\btoken (?:has |is |was )?(?:expired|invalid|revoked|rejected|not valid)\b|\bnot a valid (?:access |auth )?token\b|\bINVALID_ACCESS_TOKEN\w*|\binvalid_token\b/i,
          /\b(?:invalid|wrong|incorrect|bad) (?:(?:username|e-?mail)(?: or |\/)password|user\/pass\b|user name or password|password|credentials|login|api[ _-]?key)\b/i,
          // The other word order: "Username/Password are invalid".
          /\b(?:username|user name|password|credentials)(?:\s*(?:\/|or|and)\s*(?:password|username))? (?:are|is|was|were) (?:invalid|incorrect|wrong|not valid)\b/i,
          // A service's own name between: "Invalid ThinQ credential error".
          /\b(?:invalid|wrong|incorrect|bad) [A-Z]\w+ (?:credentials?|password|api[ _-]?key)\b/i,
          /\bauthentication (?:failed|error|rejected)\b|\bauth(?:entication)? failure\b|\b(?:login|log in|sign[- ]in)(?: as \S+| attempt)? (?:failed|rejected)\b/i,
          /\b\w*(?:InvalidAuth|AuthenticationError|AuthError|NotAuthenticated|NotAuthorized|Unauthenticated|InvalidCredentials|LoginError|AuthFailed|BadCredentials|TokenExpired)\w*\b|\btoken_expired\b/,
          /\b(?:password|credentials|user ?name and password)\b[^\n]{0,20}\bnot accepted\b|\bLogin not possible\b/i,
          /\bnot authori[sz]ed\b|\bbad user name or password\b/i,
          /\b(?:Unable|Failed|Could not|Cannot) to log ?in(?:to)?\b|\b(?:Unable|Failed|Could not|Cannot|Can't) log ?in\b|\b(?:login|session|credentials?|password|api key) (?:has |have |is )?expired\b/i,
          /\b(?:invalid|wrong|incorrect) (?:encryption key|PIN|pin code|passkey|pre-shared key)\b/i,
          /\bapi[ _-]?key (?:is |was )?(?:invalid|not valid|rejected|wrong|incorrect)\b|\binvalid x-api-key\b|\bauthentication_error\b/i,
          // A token the service would not hand out: "Could not get master token", "Failed to refresh access token".
          /\b(?:Unable|Failed|Could not|Couldn't|Cannot) (?:to )?(?:get|obtain|fetch|refresh|retrieve|renew) (?:a |an |the |new )?(?:(?:access|auth|authentication|master|refresh|oauth|session|bearer|id|ID) )?token\b/i,
          /\bcheck (?:your |the )?(?:provided )?(?:username and password|username or password|user name and password|e-?mail(?:\/| and | or )password|password|credentials|login details|api key|(?:serial, )?access code)\b/i,
          // Integrations' and their libraries' own words for a sign-in the service refused (read
          // from their logging calls: Home Assistant's, popular custom integrations').
          /\b(?:Unable|Failed|Could not|Couldn't|Cannot) to (?:authenticate|authori[sz]e)\b|\b(?:Authentication|Login|Sign-in) (?:to|with|at) [^\n]{1,60}? failed\b|\bAuth(?:entication)? (?:error|problem)\b|\bAuthori[sz]ation (?:failure|failed|error)\b|\brejected (?:your |the )?(?:credentials|password|api key|token)\b|\b(?:credentials|password|api key|token) (?:was |were )?rejected\b|\bInvalid authentication\b|\bLogin error\b|\bcheck your account\/credentials\b|\bToken exchange failed\b|\bLogin task failed\b|\bAdditional authentication required\b|\bFailed to (?:get|obtain) (?:an? )?authori[sz]ation(?: code)?\b/i,
          // samsungtvws' refused channel, a pairing the device refused, Broadlink's locked device.
          /\bms\.channel\.unauthorized\b|\bpairing failed\b|\blocked for authentication\b/i,
          // Libraries' own words for a sign-in the service refused or wants again: alexapy's "A login
          // error occurred", iCloud's "Session Trust Expired", cookies that "could be expired", a
          // token to generate anew (ring-mqtt), Plex's "please reauthenticate".
          /\bCould not authenticate\b|\b(?:generate|create) a new (?:refresh )?token\b|\bNo (?:valid )?refresh token\b|\bpassword incorrect\b|\bplease re-?authenticate\b|\bInvalid (?:API )?key for\b|\bAccess token failure\b|\bA login error occurred\b|\bIncorrect Authentication Code\b|\bSession Trust Expired\b|\b(?:could|may|might) (?:be|have) expired\b/i,
        ],
        // Nor a device that refuses the login until its firmware is updated (reolink_aio), nor a
        // controller still starting (aiounifi's "Login Failed: Host starting up").
        unless: new RegExp(
          `${SECURITY.source}|${RATE_LIMIT.source}|please update the firmware|Host starting up`,
          'i',
        ),
      },
      ...common,
      confidence: 0.8,
      variants: [
        ...(common.variants ?? []),
        {
          // Home Assistant's own integrations turn credentials the service rejects into a
          // request to sign in again (“Reauthentication required”). One that only logs the
          // rejection met an answer it does not take for one: the service changed how it
          // signs in, or refused for another reason, and a new sign-in sends the same.
          when: { core: true, addon: false },
          set: {
            remedy: 'notify_only',
            actions: [
              {
                ...reauth,
                rationale:
                  'Sign in to {integration} again once its password or key changed, or the service asks for it: the same sign-in is refused again.',
                afterUserFix: true,
              },
            ],
            rootCause:
              'The service behind {integration} refuses its sign-in (“{detail}”), and {integration} did not ask for a new one, as Home Assistant’s integrations do when the credentials are what the service rejects: the service changed how it signs in, or refuses for another reason (a blocked client, an account that must accept new terms). Signing in again sends the same.',
            manualSteps: [
              'Check the integration’s issue tracker for this error: a change on the service’s side hits every user at once and is fixed in a Home Assistant release.',
              'Sign in again only if Home Assistant asks for it (Settings → Repairs), or if you changed the password; check the vendor’s app for terms to accept.',
            ],
          },
        },
      ],
      title: 'Sign-in to {integration} is no longer accepted',
      rootCause:
        'The service behind {integration} answers “unauthorized” (“{detail}”): the stored password, API key or access token is wrong, expired or was revoked.',
    },
    {
      id: 'forbidden',
      match: {
        text: /\b403\b[^\n]{0,30}Forbidden|Forbidden[^\n]{0,20}\b403\b|\bHTTP 403\b|status(?: code)?:? 403\b/i,
        unless: new RegExp(`${SECURITY.source}|${RATE_LIMIT.source}`, 'i'),
      },
      ...common,
      confidence: 0.6,
      title: '{integration} is not allowed to access its service (403)',
      rootCause:
        'The service behind {integration} answers “forbidden” (“{detail}”): the account is signed in but no longer has the permission it needs — access was revoked, the plan changed, or the API key lacks a scope.',
    },
    {
      // A key or password the device itself cannot use, not one a service revoked: a Tuya
      // device's local key that changed when it was paired again ("Check device key or
      // version", error 914), a Reolink password with characters its API does not take.
      id: 'device_key_unusable',
      match: {
        text: /\bThe localkey is incorrect\b|\bCheck device key or version\b|\bpassword contains (?:an )?(?:incompatible|unsupported|invalid) (?:special )?character|\bconfigured device key is (?:wrong|incorrect|invalid)\b/i,
      },
      ...common,
      category: 'invalid_config',
      remedy: 'fix_config_then_reload',
      severity: 'error',
      actions: [],
      impact: 'The device stays unavailable: it will not accept the key or password configured.',
      confidence: 0.8,
      title: '{integration}: the device does not accept the configured key or password',
      rootCause:
        'The device rejects what {integration} is configured with (“{detail}”): a local key that changed when the device was paired again (Tuya devices get a new one each time), or a password with characters the device’s interface does not take.',
      manualSteps: [
        'Get the device’s current key (for Tuya, from the Tuya IoT platform or the vendor app after pairing) and enter it, with the right protocol version, in the integration’s options.',
        'For a password with special characters, change it on the device to one of letters, digits and the characters its documentation allows, then enter it again.',
      ],
    },
    {
      id: 'device_rights',
      // The device's or server's own account settings, not the sign-in: MikroTik's
      // "not enough permissions", NUT's "ERR ACCESS-DENIED" (the client's address is not allowed).
      match: {
        text: /\bnot enough (?:permissions|privileges|rights)\b|\b(?:does not|doesn't|do not) have (?:sufficient|enough|the required) (?:access )?(?:rights|permissions|privileges)\b|\bERR ACCESS-DENIED\b|\bInsufficient (?:user )?privileges?\b|\baccess for applications disabled\b/i,
      },
      ...common,
      category: 'other',
      remedy: 'check_network_or_device',
      severity: 'warning',
      actions: [],
      impact:
        'What {integration} is refused does not work; signing in again does not change it, as the device grants the same rights to the same account.',
      confidence: 0.6,
      title: 'The device denies {integration} what it asks for',
      rootCause:
        'The device or server {integration} talks to accepts its account but refuses the request (“{detail}”): the user it signs in as lacks a right or policy there, or the device only serves clients from addresses on its allow list.',
      manualSteps: [
        'On the device, give the user {integration} signs in as the rights the integration’s documentation names (a group or policy), or add Home Assistant’s address to the clients it allows.',
        'If Home Assistant’s address changed, give it a fixed address (a DHCP reservation) so the allow list stays right.',
      ],
    },
  ],
};
