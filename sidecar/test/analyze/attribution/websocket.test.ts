/** Attributing what the websocket API logged for a command or an action to the integration that failed it. */
import { describe, expect, it } from 'vitest';
import { analyze, at } from '../log-file-lines.js';

describe('attributing what the websocket API ran', () => {
  it('attributes a command the websocket API handed to an integration to that integration', async () => {
    const [incident] = await analyze(
      at(
        '10:00:00',
        'ERROR',
        'homeassistant.components.websocket_api.http.connection',
        '[140245123456] Error handling message: Unknown error (unknown_error) Admin from <IP> (Mozilla/5.0)',
      ),
      'Traceback (most recent call last):',
      '  File "/usr/src/homeassistant/homeassistant/components/websocket_api/decorators.py", line 28, in _handle_async_response',
      '  File "/config/custom_components/acme_cards/websocket.py", line 51, in ws_get_cards',
      "KeyError: 'cards'",
    );
    expect(incident?.integration).toBe('acme_cards');
  });

  it('attributes an action that failed in a Zigbee radio library to ZHA', async () => {
    // zigpy's radio libraries (zigpy-znp, bellows, zigpy-deconz) serve ZHA alone; the action's
    // error reaches the log as the dispatcher's, with the radio's status and no traceback.
    const [incident] = await analyze(
      at(
        '10:00:00',
        'ERROR',
        'homeassistant.components.websocket_api.http.connection',
        '[140245123456] Error during service call to light.turn_on: Failed to send request: <Status.MAC_NO_ACK: 233>',
      ),
    );
    expect(incident?.integration).toBe('zha');
    expect(incident?.rca.signature).toBe('network.mesh_node');
  });

  it('attributes an action the websocket API ran to the integration the log viewer names as its source', async () => {
    // The traceback is cut before the integration's frame; `Source:` is where the error was raised.
    const [incident] = await analyze(
      'Logger: homeassistant.components.websocket_api.http.connection',
      'Source: components/acme_lock/lock.py:54',
      'Integration: Home Assistant WebSocket API (documentation, issues)',
      'First occurred: 2:41:26 PM (5 occurrences)',
      'Last logged: 2:43:03 PM',
      '',
      '[140336955975392] bytearray index out of range',
      'Traceback (most recent call last):',
      '  File "/usr/src/homeassistant/homeassistant/components/websocket_api/commands.py", line 198, in handle_call_service',
      '    await hass.services.async_call(',
    );
    expect(incident?.integration).toBe('acme_lock');
  });

  it('attributes a websocket command to the integration its message names', async () => {
    // The dispatcher ran a command about another integration (the frontend asking for its
    // manifest); neither a traceback nor the source says which, the message does.
    const [incident] = await analyze(
      'Logger: homeassistant.components.websocket_api.commands',
      'Source: components/websocket_api/commands.py:670',
      'Integration: Home Assistant WebSocket API (documentation, issues)',
      'First occurred: 13:18:00 (8 occurrences)',
      'Last logged: 14:42:08',
      '',
      "Unable to get manifest for integration acme_tuya: Integration 'acme_tuya' not found.",
    );
    expect(incident?.integration).toBe('acme_tuya');
  });

  it('attributes a failed action the websocket API ran to the library that failed it', async () => {
    const incidents = await analyze(
      at(
        '08:41:39',
        'ERROR',
        'homeassistant.components.websocket_api.http.connection',
        '[140732546435168] Error during service call to cover.open_cover: RPC call error occurred while calling action for cover.bedroom of Bedroom blinds',
      ),
      'Traceback (most recent call last):',
      '  File "/usr/src/homeassistant/homeassistant/components/websocket_api/commands.py", line 245, in handle_call_service',
      '  File "/usr/local/lib/python3.13/site-packages/aioshelly/rpc_device/device.py", line 331, in call_rpc',
      "aioshelly.exceptions.RpcCallError: (429, 'Too many requests')",
    );
    expect(incidents.map((i) => i.integration)).toEqual(['shelly']);
  });
});
