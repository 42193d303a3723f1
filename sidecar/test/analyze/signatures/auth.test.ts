/** Real-world wordings of the auth family's failures (signatures/auth.ts). */
import { describe, expect, it } from 'vitest';
import { analyzeOffline } from '../../../src/analyze/offline/engine.js';
import { entry, input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('auth', [
  c(
    // Xiaomi Cloud Map Extractor: Xiaomi's cloud asks for a second factor.
    'a cloud that asks for additional authentication',
    input('xiaomi_cloud_map_extractor', [
      line(
        'Additional authentication required. Open following URL using device that has the same public IP, as your Home Assistant instance: https://account.xiaomi.com/identity/authStart',
        'ERROR',
        'custom_components.xiaomi_cloud_map_extractor.camera',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'start_reauth',
  ),
  c(
    // opower's sign-in at a utility: the authorization code was not exchanged for a token.
    'a utility that would not exchange the sign-in for a token',
    input('opower', [line('Token exchange failed: 400', 'ERROR', 'opower.utilities.eversource')]),
    'auth.unauthorized',
    'auth_expired',
    'notify_only',
  ),
  c(
    // mbapi2020 (Mercedes-Benz): the cloud refused the sign-in.
    'a login error a vehicle cloud reports',
    input('mbapi2020', [
      line(
        'Login error: the service answered with status 400',
        'ERROR',
        'custom_components.mbapi2020.client',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'start_reauth',
  ),
  c(
    // Waste Collection Schedule's sources: the provider would not hand out its token.
    'an ID token a provider would not hand out',
    input('waste_collection_schedule', [
      line(
        'Unable to fetch ID token!',
        'ERROR',
        'custom_components.waste_collection_schedule.waste_collection_schedule.source.example',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'start_reauth',
  ),
  c(
    // broadlink, fitbit, ihc: the integration's own words for a sign-in the device or service refused.
    'a device that refused the integration’s authentication',
    input('acme_hub', [
      line(
        'Failed to authenticate to the device at 192.168.1.40: The device refused the key',
        'ERROR',
        'custom_components.acme_hub',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'start_reauth',
  ),
  c(
    'a sign-in to a service that failed, in an integration’s words',
    input('acme_cloud', [
      line(
        'Authentication to api.acme.example at eu failed: 403 Forbidden',
        'ERROR',
        'custom_components.acme_cloud',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'start_reauth',
  ),
  c(
    'credentials the panel rejected',
    input('acme_alarm', [
      line('The panel rejected your credentials', 'ERROR', 'custom_components.acme_alarm'),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'start_reauth',
  ),
  c(
    'an OAuth refresh the framework reports failed',
    input('home_connect', [
      line(
        "homeassistant.exceptions.OAuth2RefreshTokenFailed: 400, message='Bad Request', url='https://api.home-connect.com/security/oauth/token'",
        'ERROR',
        'homeassistant.config_entries',
      ),
    ]),
    'auth.oauth_invalid_grant',
    'auth_expired',
    'start_reauth',
  ),
  c(
    "an ESPHome device refusing Home Assistant's unencrypted hello",
    input('esphome', [
      line(
        'Device living-room-sensor (a4:cf:12:34:56:78) rejected the zero PSK handshake; it appears to already have an encryption key',
        'ERROR',
        'homeassistant.components.esphome.manager',
      ),
    ]),
    'auth.encryption_key',
    'auth_expired',
    'start_reauth',
  ),
  c(
    // The app's secret was renewed in the vendor's developer portal: the user's grant is fine.
    'application credentials the OAuth provider no longer accepts',
    input('husqvarna_automower', [
      line(
        'Token request for husqvarna_automower_01J0ABC failed (invalid_client): Client or client secret is invalid',
        'ERROR',
        'homeassistant.helpers.config_entry_oauth2_flow',
      ),
    ]),
    'auth.oauth_invalid_client',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a token the service would not hand out',
    input('google_home', [line('[!] Could not get master token.', 'ERROR', 'glocaltokens.client')]),
    'auth.unauthorized',
    'auth_expired',
    'start_reauth',
  ),
  c(
    // Mercedes turned the old client away at its login endpoint; a release fixed it.
    "a sign-in endpoint that turns the integration's requests away",
    input('mbapi2020', [
      line(
        "ClientError requesting data from https://bff.example.com/v1/login: 418, message=\"I'm a teapot\", url=URL('https://bff.example.com/v1/login')",
        'ERROR',
        'custom_components.mbapi2020.client',
      ),
    ]),
    'auth.sign_in_changed',
    'auth_expired',
    'update_or_remove_custom_component',
  ),
  c(
    // somecomfort (honeywell) names the account it signed in as.
    'a sign-in that names the account',
    input('honeywell', [line('Login as <EMAIL> failed', 'ERROR', 'somecomfort')]),
    'auth.unauthorized',
    'auth_expired',
    // Honeywell's site answered 401 to right passwords now and then; a release stopped asking.
    'notify_only',
  ),
  c(
    // PETLIBRO turns away passwords over 18 characters with its own code.
    'a login attempt the service refuses',
    input('petlibro', [
      line(
        'Unexpected exception during validation: Login attempt failed: Code: 1102, Message: ILLEGAL_PASSWORD',
        'ERROR',
        'custom_components.petlibro.config_flow',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'start_reauth',
  ),
  c(
    // The router's user lacked the `test` policy; granting it stopped the errors.
    "a router's user without a right the integration needs",
    input('mikrotik_router', [
      line(
        'Mikrotik 192.0.2.1 error while arp_ping : not enough permissions (9)',
        'ERROR',
        'custom_components.mikrotik_router.mikrotikapi',
      ),
    ]),
    'auth.device_rights',
    'other',
    'check_network_or_device',
  ),
  c(
    // upsd answers ACCESS-DENIED to a client address not on its allow list.
    'a UPS server that does not serve this client',
    input('nut', [
      line(
        'Failure getting NUT ups alias, ERR ACCESS-DENIED',
        'ERROR',
        'homeassistant.components.nut',
      ),
    ]),
    'auth.device_rights',
    'other',
    'check_network_or_device',
  ),
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
    "a credential the service rejected, named with the service's own name",
    input('smartthinq_sensors', [
      line(
        'Invalid ThinQ credential error. Component setup aborted',
        'ERROR',
        'custom_components.smartthinq_sensors',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'start_reauth',
  ),
  c(
    // One of Home Assistant's own integrations logs the rejection instead of asking to sign in.
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
    'notify_only',
  ),
  c(
    'HTTP 401 to a custom integration: its sign-in is what the service rejects',
    input('fellow', [
      line(
        'Error fetching data: 401 Unauthorized',
        'ERROR',
        'custom_components.fellow.coordinator',
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
    'notify_only',
  ),
  c(
    'an add-on that refuses its clients’ credentials: its options hold them',
    input('hassio', [
      line('Login failed: invalid password for user nodered', 'ERROR', 'supervisor.addons'),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'fix_config_then_reload',
  ),
  c(
    'a client without credentials at a broker that requires them',
    input('hassio', [
      line('error: received null username or password for unpwd check', 'UNKNOWN', null),
      line('Client <unknown> disconnected, not authorised.', 'ERROR', 'supervisor.addons'),
    ]),
    'auth.unauthorized',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    'a broker refusing a user it should know: restart it so it reads its users',
    input('hassio', [
      line('Client akGarage5 disconnected, not authorised.', 'ERROR', 'supervisor.addons'),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'restart_addon',
  ),
  c(
    'setup crashing inside the token refresh',
    input('acme', [
      line(
        'Error setting up entry 1234 for acme\nTraceback (most recent call last):\n  File "/usr/local/lib/python3.12/site-packages/acmelib/api.py", line 40, in async_refresh_access_token\n    self._store(data)',
        'ERROR',
        'homeassistant.config_entries',
      ),
    ]),
    'auth.token_refresh_crashed',
    'auth_expired',
    'notify_only',
  ),
  c(
    'an API key the service no longer accepts, in either word order',
    input('foo_cloud', [line('The API key is invalid', 'ERROR', 'custom_components.foo_cloud')]),
    'auth.unauthorized',
    'auth_expired',
    'start_reauth',
  ),
  c(
    'a refresh token the service no longer knows',
    input('lghorizon', [
      line(
        'Giving up request(...) after 3 tries (lghorizon.exceptions.LGHorizonApiConnectionError: Refresh token not found, logout please)',
        'ERROR',
        'backoff',
      ),
    ]),
    'auth.oauth_invalid_grant',
    'auth_expired',
    'start_reauth',
  ),
  c(
    'an ESPHome device flashed without the key Home Assistant holds',
    input('esphome', [
      line(
        'everything-presence-one @ 192.168.1.40: Connection error occurred: The connection dropped immediately after encrypted hello; Try enabling encryption on the device or turning off encryption on the client (ESPHome Logs 2024.7.1).',
        'WARNING',
        'homeassistant.components.esphome.manager',
      ),
    ]),
    'auth.encryption_key',
    'auth_expired',
    'start_reauth',
  ),
  c(
    'Home Assistant asks for an ESPHome device’s new key',
    input('esphome', [
      line(
        'The ESPHome device Everything Presence One enabled transport encryption or changed the encryption key. Please enter the updated key.',
        'UNKNOWN',
      ),
    ]),
    'auth.encryption_key',
    'auth_expired',
    'start_reauth',
  ),
  c(
    // opower's AEP login: the other word order of a rejected password.
    'credentials the service calls invalid, named first',
    input('opower', [
      line(
        'Error during login: Username/Password are invalid',
        'ERROR',
        'homeassistant.components.opower.coordinator',
      ),
    ]),
    'auth.unauthorized',
    // AEP had changed its sign-in: a new sign-in sent the same, a release of opower fixed it.
    'auth_expired',
    'notify_only',
  ),
  c(
    // oauthlib raises this when the stored access token has run out.
    "an OAuth library's expired-token exception",
    input('o365', [
      line(
        [
          'Error during setup of component o365',
          'Traceback (most recent call last):',
          '  File "/usr/local/lib/python3.12/site-packages/oauthlib/oauth2/rfc6749/clients/base.py", line 217, in add_token',
          '    raise TokenExpiredError()',
          'oauthlib.oauth2.rfc6749.errors.TokenExpiredError: (token_expired) ',
        ].join('\n'),
        'ERROR',
        'homeassistant.setup',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'start_reauth',
  ),
  c(
    // localtuya, after the device was paired again and got a new local key.
    'a Tuya device that rejects the configured local key',
    input('localtuya', [
      line(
        '[bf1...x9a - Living Room Plug] Failed to connect to 192.168.1.50: The localkey is incorrect',
        'WARNING',
        'custom_components.localtuya.coordinator',
      ),
    ]),
    'auth.device_key_unusable',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // tuya-local wraps tinytuya's error 914.
    'a Tuya device answering error 914',
    input('tuya_local', [
      line(
        'Failed to refresh device state for Living Room Heater. Device reported error 914: Check device key or version  If previously running OK, likely the device needs to be power cycled.',
        'ERROR',
        'custom_components.tuya_local.device',
      ),
    ]),
    'auth.device_key_unusable',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // reolink_aio's check of the password before it logs in.
    'a camera password with characters the camera’s API does not take',
    input('reolink', [
      line(
        "Reolink password contains incompatible special character, please change the password to only contain characters: a-z, A-Z, 0-9 or @$*~_-+=!?.,:;'()[]",
        'ERROR',
        'reolink_aio.api',
      ),
    ]),
    'auth.device_key_unusable',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // alexapy's catch-all for login failures.
    'the Amazon login behind Alexa Media Player failing',
    input('alexa_media', [
      line(
        'alexaapi.get_devices((<alexapy.alexalogin.AlexaLogin object at 0x7f3c2a1b4d90>,), {}): A login error occurred: An exception of type JSONDecodeError occurred.',
        'WARNING',
        'alexapy.helpers',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'start_reauth',
  ),
  c(
    // meross_lan's cloud profile refreshing its token.
    'a cloud account whose e-mail or password no longer works',
    input('meross_lan', [
      line(
        'CloudApiError(Wrong email or password) in Meross api token auto-refresh',
        'WARNING',
        'custom_components.meross_lan.profile_1234567',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'start_reauth',
  ),
  c(
    // ha-bambulab: the printer's LAN access code.
    'a printer that rejects the configured access code',
    input('bambu_lab', [
      line(
        'Chamber image connection rejected by the printer. Check provided access code and IP address.',
        'ERROR',
        'custom_components.bambu_lab.pybambu.bambu_client',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'start_reauth',
  ),
  c(
    // py-synologydsm-api's error 105 for a user without admin rights.
    'a NAS user without the rights the integration needs',
    input('synology_dsm', [
      line(
        "synology_dsm.exceptions.SynologyDSMAPIErrorException: {'api': 'SYNO.Core.System', 'code': 105, 'reason': 'Insufficient user privilege', 'details': None}",
        'ERROR',
        'synology_dsm.synology_dsm',
      ),
    ]),
    'auth.device_rights',
    'other',
    'check_network_or_device',
  ),
  c(
    // Home Assistant's FRITZ!Box Tools integration (its own integrations ask to sign in again
    // by themselves, so the remedy is to answer that, not another flow).
    'a router that rejects the credentials given in the integration',
    input('fritz', [
      line(
        'Authorization Error: Please check the provided credentials and verify that you can log into the web interface',
        'ERROR',
        'homeassistant.components.fritz',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'notify_only',
  ),
  c(
    // samsungtvws: the TV refused the remote's channel (its pairing prompt was declined).
    'a Samsung TV that refuses the remote channel',
    input('samsungtv', [
      line(
        "samsungtvws.exceptions.UnauthorizedError: {'event': 'ms.channel.unauthorized', 'data': {}}",
        'ERROR',
        'samsungtvws.async_connection',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'notify_only',
  ),
  c(
    // aiowebostv's WebOsTvPairError.
    'a TV that did not accept the pairing',
    input('webostv', [
      line(
        'aiowebostv.exceptions.WebOsTvPairError: Client key not set, pairing failed.',
        'ERROR',
        'aiowebostv',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'notify_only',
  ),
  c(
    // Home Assistant's Broadlink integration.
    'a Broadlink device locked for authentication',
    input('broadlink', [
      line(
        'The device at 192.168.1.50 is locked for authentication. Follow the configuration flow to unlock it',
        'ERROR',
        'homeassistant.components.broadlink.device',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'notify_only',
  ),
  c(
    // pyatmo's ApiError when the token exchange fails.
    'a cloud that fails to give out an access token',
    input('netatmo', [
      line(
        "pyatmo.exceptions.ApiError: Access token failure: 400, message='Bad Request', url='https://api.netatmo.com/oauth2/token'",
        'ERROR',
        'pyatmo.auth',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'notify_only',
  ),
  c(
    // fritzconnection: TR-064 access is off in the FRITZ!Box's network settings.
    'a router that does not let applications in',
    input('fritz', [
      line(
        'fritzconnection.core.exceptions.FritzConnectionException: FRITZ!Box: access for applications disabled. Check: Home Network -> Network -> Network Settings -> Access Settings in the Home Network.',
        'ERROR',
        'fritzconnection',
      ),
    ]),
    'auth.device_rights',
    'other',
    'check_network_or_device',
  ),
  c(
    // Home Assistant's Plex integration.
    'a media server that no longer accepts the token',
    input('plex', [
      line(
        "Token not accepted, please reauthenticate Plex server 'Plex Server'",
        'ERROR',
        'homeassistant.components.plex',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'notify_only',
  ),
  c(
    // Home Assistant's deCONZ integration: the gateway does not know the API key.
    'a Zigbee gateway that rejects the API key',
    input('deconz', [
      line('Invalid key for deCONZ at 192.168.1.50', 'ERROR', 'homeassistant.components.deconz'),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'notify_only',
  ),
  c(
    // ring-mqtt in its add-on: no token to start with.
    'a bridge add-on without a refresh token',
    input('hassio', [
      line(
        'ring-mqtt No refresh token was found in state file, generate a token using the addon web UI',
        'UNKNOWN',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'fix_config_then_reload',
  ),
  c(
    // LLM Vision passes the provider's own error on (Anthropic's 401 body).
    'an AI provider that rejects the API key',
    input('llmvision', [
      line(
        'Provider Anthropic failed: authentication_error: invalid x-api-key',
        'ERROR',
        'custom_components.llmvision.providers',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'start_reauth',
  ),
  c(
    // The hOn integration's login.
    'an appliance cloud that gives out no session',
    input('hon', [
      line(
        'Unable to get [session_id] - check your email/password',
        'ERROR',
        'custom_components.hon.hon',
      ),
    ]),
    'auth.unauthorized',
    'auth_expired',
    'start_reauth',
  ),
  c(
    // pySwitchbot: the lock's or the cloud's password.
    'a device that says the password is incorrect',
    input('switchbot', [line('Password incorrect', 'ERROR', 'switchbot.devices.device')]),
    'auth.unauthorized',
    'auth_expired',
    'notify_only',
  ),
]);

describe('a sign-in one of Home Assistant’s own integrations only logs as refused', () => {
  it('keeps signing in again for once the password changed, never run by itself', () => {
    const finding = analyzeOffline(
      input(
        'ring',
        [
          line(
            'Error fetching devices data: 401 Unauthorized',
            'ERROR',
            'homeassistant.components.ring.coordinator',
          ),
        ],
        { entry: entry('ring', 'loaded') },
      ),
    );
    expect(finding?.rca.remedy).toBe('notify_only');
    expect(
      finding?.rca.candidate_actions.map((a) => [a.action_id, a.after_user_fix ?? false]),
    ).toEqual([['start_reauth', true]]);
  });
});
