/** Attributing a log by the libraries it runs through: a library's logger, a traceback's frames, an exception's package, a requirement. */
import { describe, expect, it } from 'vitest';
import { at, who } from '../log-file-lines.js';

describe('attributing the libraries a failure runs through', () => {
  it('names no integration after a library many build on', async () => {
    // Home Assistant's manifests name dacite for one integration (gios); custom integrations
    // use it too, so its exception says nothing of whose data it could not load.
    expect(
      await who(
        'dacite.exceptions.WrongTypeError: wrong value type for field "rriot" - should be "RRiot | None" instead of value "{}" of type "dict"',
      ),
    ).toEqual([null]);
  });

  it('names the integration whose library a bare traceback runs through', async () => {
    // The outermost library Home Assistant knows the integration of; transports every
    // integration uses (anyio under httpx) name none.
    expect(
      await who(
        'Traceback (most recent call last):',
        '  File "/usr/local/lib/python3.12/site-packages/aioesphomeapi/client.py", line 40, in connect',
        '  File "/usr/local/lib/python3.12/site-packages/anyio/_backends/_asyncio.py", line 9, in wait',
        'ConnectionResetError: [Errno 104] Connection reset by peer',
      ),
    ).toEqual(['esphome']);
    expect(
      await who(
        'Traceback (most recent call last):',
        '  File "/usr/local/lib/python3.12/site-packages/anyio/_backends/_asyncio.py", line 9, in wait',
        'ConnectionResetError: [Errno 104] Connection reset by peer',
      ),
    ).toEqual([null]);
    // … or whose exception it raises, wherever the excerpt's frames are.
    expect(
      await who(
        'Traceback (most recent call last):',
        '  File "/usr/src/homeassistant/homeassistant/helpers/update_coordinator.py", line 3, in refresh',
        'aioesphomeapi.core.SocketAPIError: Error while writing data',
      ),
    ).toEqual(['esphome']);
  });

  it('names the integration whose library an exception named inside a message belongs to', async () => {
    // Python names a library's exception by its module path, wherever a message quotes it.
    expect(
      await who('Bridge refresh failed, retrying: aiohue.errors.Unauthorized: Invalid username'),
    ).toEqual(['hue']);
    // The UI log viewer's source file in a library, under a logger that names nothing.
    expect(
      await who(
        'Logger: py.warnings',
        'Source: /usr/local/lib/python3.13/site-packages/pyatv/protocols/mrp/__init__.py:512',
        'First occurred: 10:00:00 (1 occurrences)',
        'Last logged: 10:00:00',
        '',
        'RuntimeWarning: coroutine was never awaited; connection to the device failed',
      ),
    ).toEqual(['apple_tv']);
    // A transport every integration uses names none.
    expect(
      await who(
        'Request failed: aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host <IP>:80',
      ),
    ).toEqual([null]);
  });

  it('names the integration whose library a traceback runs through when the paste shortened its paths', async () => {
    // Users shorten long paths before they paste (`.../RFXtrx/__init__.py`): the directory
    // after the ellipsis is still the library's module.
    expect(
      await who(
        'Traceback (most recent call last):',
        '  File ".../RFXtrx/__init__.py", line 1046, in _connect',
        '    self._connect_internal()',
        "TypeError: 'NoneType' object is not iterable",
      ),
    ).toEqual(['rfxtrx']);
    expect(
      await who(
        'Traceback (most recent call last):',
        '  File "…/anyio/_backends/_asyncio.py", line 9, in wait',
        'ConnectionResetError: [Errno 104] Connection reset by peer',
      ),
    ).toEqual([null]);
  });

  it('names the integration whose library an import error names', async () => {
    // Python's import errors name the module they looked in: a library's module is its
    // integration's, wherever the code that imported it lives.
    expect(await who("cannot import name 'BridgeBusy' from 'aiohue.errors'")).toEqual(['hue']);
    expect(
      await who(
        "ImportError: cannot import name 'SmartDevice' from 'kasa' (/usr/local/lib/python3.13/site-packages/kasa/__init__.py)",
      ),
    ).toEqual(['tplink']);
    expect(await who("ModuleNotFoundError: No module named 'pyatv.const'")).toEqual(['apple_tv']);
    // Home Assistant's own modules and transports name no library's integration.
    expect(await who("cannot import name 'Thing' from 'anyio'")).toEqual([null]);
  });

  it('names the core integration whose exactly pinned requirement Core could not install', async () => {
    const installing = (line: string) =>
      who(at('10:00:00', 'ERROR', 'homeassistant.util.package', line));
    expect(
      await installing(
        'Unable to install package pyisy==3.1.14: ERROR: Could not find a version that satisfies the requirement pyisy==3.1.14',
      ),
    ).toEqual(['isy994']);
    // A range is no core manifest's requirement: a custom integration asked for it.
    expect(
      await installing(
        'Unable to install package pyisy>=3.2.0: ERROR: Could not find a version that satisfies the requirement pyisy>=3.2.0',
      ),
    ).toEqual([null]);
  });
});
