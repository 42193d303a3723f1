/** Real-world wordings of the music family's failures (signatures/music.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('music', [
  c(
    // music_assistant/server.py: the wrapper around a provider that did not load.
    'a Music Assistant provider that did not load in time',
    input(null, [
      line(
        'Error loading provider(instance) sonos--aB3dE5fG: Provider sonos did not load within 30 seconds (will be retried later)',
        'WARNING',
        'music_assistant',
      ),
    ]),
    'music.provider_not_loaded',
    'setup_retry',
    'check_network_or_device',
  ),
  c(
    // The local-folder provider's check of its path.
    'a Music Assistant music folder that does not exist',
    input(null, [
      line(
        'Error loading provider(instance) filesystem_local--Kp9QwErT: Music Directory /media/music does not exist (will be retried later)',
        'WARNING',
        'music_assistant',
      ),
    ]),
    'music.provider_not_loaded',
    'invalid_config',
    'fix_config_then_reload',
  ),
  c(
    // The Squeezebox provider's server ports.
    'a Music Assistant provider whose ports another server holds',
    input(null, [
      line(
        'Error loading provider(instance) slimproto: Unable to start the Slimproto server - is one of the required TCP ports already taken ? (will be retried later)',
        'WARNING',
        'music_assistant',
      ),
    ]),
    'music.provider_not_loaded',
    'setup_retry',
    'fix_config_then_reload',
  ),
]);
