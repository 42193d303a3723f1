/** Real-world wordings of the rate_limit family's failures (signatures/rate-limit.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('rate_limit', [
  c(
    "HACS stopped while GitHub's rate limit lasts",
    input('hacs', [line('HACS is disabled - rate_limit', 'ERROR', 'custom_components.hacs')]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
  c(
    "Let's Encrypt's limit of certificates for the same names",
    input('hassio', [
      line(
        'too many certificates (5) already issued for this exact set of identifiers in the last 168h0m0s, retry after 2024-05-08 10:00:00 UTC',
        'UNKNOWN',
        null,
      ),
    ]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
  c(
    "the companion apps' daily push limit reached",
    input('mobile_app', [
      line(
        'mobile_app push notification rate limits for Pixel 7: 500 sent, 500 allowed, 0 errors, resets in 6:12:00',
        'WARNING',
        'homeassistant.components.mobile_app.notify',
      ),
    ]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
  c(
    '429 from a cloud API',
    input('nest', [line('Error communicating with Google Nest API: 429 Too Many Requests')]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
  c(
    'a used-up quota',
    input('openai_conversation', [
      line("Error code: 429 - {'error': {'message': 'You exceeded your current quota'}}"),
    ]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
  c(
    'a 403 that is a rate limit',
    input('hacs', [
      line(
        'GitHub returned 403 for https://api.github.com/x: API rate limit exceeded for 203.0.113.7.',
      ),
    ]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
  c(
    'a service that refuses more sign-in attempts for now',
    input('foo_cloud', [
      line('Too many login attempts, try again later', 'ERROR', 'custom_components.foo_cloud'),
    ]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
  c(
    'a daily limit of an API key used up',
    input('knmi', [
      line('API key daily limit exceeded, try again tomorrow', 'ERROR', 'custom_components.knmi'),
    ]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
  c(
    "a Google API's quota, in gRPC's words",
    input('google_generative_ai_conversation', [
      line('Error generating content: 429 Resource has been exhausted (e.g. check quota).'),
    ]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
  c(
    // python-roborock's RoborockRateLimit.
    'a cloud login refused for too many requests',
    input('roborock', [
      line(
        'roborock.exceptions.RoborockRateLimit: Reached maximum requests for login. Please try again later.',
        'ERROR',
        'roborock.web_api',
      ),
    ]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
  c(
    // Solcast's daily API allowance, in ha-solcast-solar's words.
    'a forecast service whose daily polling allowance is used up',
    input('solcast_solar', [
      line(
        'API allowed polling limit has been exceeded, API counter set to 10/10',
        'WARNING',
        'custom_components.solcast_solar.solcastapi',
      ),
    ]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
  c(
    // ha-bambulab: Cloudflare in front of Bambu's cloud.
    'a vendor cloud that Cloudflare blocks for asking too often',
    input('bambu_lab', [
      line('TEMPORARY 429 BLOCK BY CLOUDFLARE', 'ERROR', 'custom_components.bambu_lab.pybambu'),
    ]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
  c(
    // tesla_custom's error name inside Home Assistant's retry line.
    'a vehicle API answering TOO_MANY_REQUESTS',
    input('tesla_custom', [
      line(
        "Config entry 'user@example.com' for tesla_custom integration not ready yet: Temporarily unable to communicate with Tesla API: TOO_MANY_REQUESTS; Retrying in background",
        'WARNING',
        'homeassistant.config_entries',
      ),
    ]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
  c(
    // Electrolux's cloud limits the sessions of one account.
    'a cloud account out of sessions',
    input('electrolux_status', [
      line(
        "Config entry 'user@example.com' for electrolux_status integration not ready yet: You have exceeded the maximum number of active sessions. Please log out of another device or wait until an existing session expires; Retrying in background",
        'WARNING',
        'homeassistant.config_entries',
      ),
    ]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
  c(
    // pyatmo's ApiThrottlingError (Netatmo's error 26).
    'a weather station cloud throttling its user',
    input('netatmo', [
      line(
        "pyatmo.exceptions.ApiThrottlingError: 403 - Forbidden - User usage reached (26) when accessing 'https://api.netatmo.com/api/homestatus'",
        'ERROR',
        'pyatmo.auth',
      ),
    ]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
  c(
    // growattServer's V1 API error for a client that asks too often.
    'an inverter cloud refusing requests that come too often',
    input('growatt_server', [
      line(
        'growattServer.exceptions.GrowattV1ApiError: Error during getting plant energy overview: [10012] error_frequently_access',
        'ERROR',
        'homeassistant.components.growatt_server',
      ),
    ]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
  c(
    // python-telegram-bot's RetryAfter, as Home Assistant's action failure shows it.
    'a chat bot sending faster than Telegram allows',
    input('telegram_bot', [
      line(
        'Action failed. Flood control exceeded. Retry in 35 seconds',
        'ERROR',
        'homeassistant.components.telegram_bot.bot',
      ),
    ]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
  c(
    // TeslaMate's words (singular) for Tesla's 429.
    'a vehicle logger told to retry later',
    input('hassio', [
      line(
        '2025-01-15 10:00:00.123 car_id=1 [error] Too many request / Retry after 300 seconds',
        'UNKNOWN',
      ),
    ]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
  c(
    // Home Assistant's Overkiz coordinator, on the cloud's limit of parallel calls.
    'a cloud that refuses concurrent requests',
    input('overkiz', [
      line(
        'Error fetching device events data: Too many concurrent requests.',
        'ERROR',
        'homeassistant.components.overkiz',
      ),
    ]),
    'rate_limit.too_many_requests',
    'rate_limited',
    'notify_only',
  ),
]);
