/** Real-world wordings of the proxy family's failures (signatures/proxy.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('proxy', [
  c(
    'a proxy sending a malformed X-Forwarded-Proto header',
    input('http', [
      line(
        'Incorrect number of elements in X-Forward-Proto. Expected 1 or 3, got 2: https, http',
        'ERROR',
        'homeassistant.components.http.forwarded',
      ),
    ]),
    'proxy.bad_forwarded_header',
    'proxy_misconfig',
    'fix_config_then_reload',
  ),
  c(
    'a reverse proxy that is not set up',
    input('http', [
      line(
        'A request from a reverse proxy was received from 172.30.33.4, but your HTTP integration is not set-up for reverse proxies',
        'ERROR',
        'homeassistant.components.http.forwarded',
      ),
    ]),
    'proxy.not_set_up',
    'proxy_misconfig',
    'fix_config_then_reload',
  ),
  c(
    'an untrusted proxy',
    input('http', [
      line(
        'Received X-Forwarded-For header from an untrusted proxy 172.18.0.5',
        'ERROR',
        'homeassistant.components.http.forwarded',
      ),
    ]),
    'proxy.untrusted_proxy',
    'proxy_misconfig',
    'fix_config_then_reload',
  ),
  c(
    // The Tailscale add-on's test request before it shares Home Assistant.
    'the Tailscale add-on finding Home Assistant refuses what it forwards',
    input('hassio', [line('Unable to connect to Home Assistant as reverse proxy.', 'CRITICAL')]),
    'proxy.addon_proxy_test_failed',
    'proxy_misconfig',
    'fix_config_then_reload',
  ),
]);
