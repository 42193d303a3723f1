/** Real-world wordings of the blocking_io family's failures (signatures/blocking-io.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

recognises('blocking_io', [
  c(
    'a blocking call by a custom integration',
    input('localtuya', [
      line(
        "Detected blocking call to sleep with args (1,) inside the event loop by custom integration 'localtuya' at custom_components/localtuya/pytuya/__init__.py, line 812: time.sleep(1)",
        'WARNING',
        'homeassistant.util.loop',
      ),
    ]),
    'blocking_io.blocking_call',
    'blocking_io',
    'update_or_remove_custom_component',
  ),
  c(
    'a blocking call by a core integration',
    input('zha', [
      line(
        "Detected blocking call to import_module with args ('x',) inside the event loop by integration 'zha' at homeassistant/components/zha/radio_manager.py, line 152: x",
        'WARNING',
        'homeassistant.util.loop',
      ),
    ]),
    'blocking_io.blocking_call',
    'blocking_io',
    'notify_only',
  ),
  c(
    // A library that catches Home Assistant's error and logs it in its own words.
    'a blocking call Home Assistant raised, caught and logged by the library',
    input(null, [
      line(
        "Unknown Error: Caught blocking call to putrequest with args (<urllib3.connection.HTTPSConnection object at 0x7f0363728710>, 'POST', '/yapi/o/token/') inside the event loop by integration 'yale_smart_alarm' at homeassistant/components/yale_smart_alarm/coordinator.py, line 39: self.yale = YaleSmartAlarmClient(. (offender: /usr/local/lib/python3.12/site-packages/urllib3/connection.py, line 219: return _HTTPConnection.putrequest(self, method, url, *args, **kwargs))",
        'ERROR',
        'yalesmartalarmclient.auth',
      ),
    ]),
    'blocking_io.blocking_call',
    'blocking_io',
    'notify_only',
  ),
  c(
    'a thread-safety violation',
    input('foo', [
      line(
        "Detected that custom integration 'foo' calls async_write_ha_state from a thread other than the event loop, which may cause Home Assistant to crash or data to corrupt",
        'ERROR',
        'homeassistant.helpers.frame',
      ),
    ]),
    'blocking_io.wrong_thread',
    'blocking_io',
    'update_or_remove_custom_component',
  ),
  c(
    'a blocking call Home Assistant raised before 2024.6',
    input('caldav', [
      line(
        'RuntimeError: Blocking calls must be done in the executor or a separate thread; Use `await hass.async_add_executor_job()`; at homeassistant/components/caldav/api.py, line 14: calendars = await hass.async_add_executor_job(client.principal().calendars)',
        'UNKNOWN',
      ),
    ]),
    'blocking_io.blocking_call',
    'blocking_io',
    'notify_only',
  ),
  c(
    // Since 2024.5 the call is refused and the action fails; the UI wraps the message.
    'a wrong-thread call that makes an action fail, wrapped over lines',
    input('dreame_vacuum', [
      line(
        "Failed to perform the action vacuum/start that custom integration 'dreame_vacuum' calls \nasync_write_ha_state from a thread other than the event loop, which may cause Home Assistant to crash or data \nto corrupt.",
        'ERROR',
        'homeassistant.components.websocket_api.http.connection',
      ),
    ]),
    'blocking_io.wrong_thread',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
  c(
    // The frontend's toast in Italian: "calling the service … failed".
    'a wrong-thread call that makes an action fail, as an Italian frontend says it',
    input('dreame_vacuum', [
      line(
        "Invocazione del servizio script/s01_bob_pulizia_bagno non riuscita. Detected that custom integration 'dreame_vacuum' calls async_write_ha_state from a thread at custom_components/dreame_vacuum/vacuum.py, line 648: self.async_write_ha_state(). Please report it to the author of the 'dreame_vacuum' custom integration",
        'UNKNOWN',
      ),
    ]),
    'blocking_io.wrong_thread',
    'incompatible_custom_component',
    'update_or_remove_custom_component',
  ),
]);
