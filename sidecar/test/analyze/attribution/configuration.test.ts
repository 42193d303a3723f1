/** Attributing a log's configuration errors and custom integrations: the configuration check, the loader, the startup warning. */
import { describe, expect, it } from 'vitest';
import { analyze, analyzed, at, who } from '../log-file-lines.js';

describe('attributing configuration and custom integrations', () => {
  it('reads configuration keys that a mis-indented YAML made integrations as no integration', async () => {
    const [only, ...rest] = await analyze(
      "Integration error: name - Integration 'name' not found.",
      "Integration error: stations - Integration 'stations' not found.",
      "Invalid config for [sensor.acme_weather]: required key not provided @ data['stations']. Got None.",
    );
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ integration: 'acme_weather', category: 'invalid_config' });
  });

  it('names the custom integration whose setup failed, not the core module it imports from', async () => {
    const [only] = await analyze(
      "Setup failed for custom integration nodered: Unable to import component: cannot import name 'HOME_ASSISTANT_AGENT' from 'homeassistant.components.conversation' (/usr/src/homeassistant/homeassistant/components/conversation/__init__.py)",
    );
    expect(only).toMatchObject({
      integration: 'nodered',
      category: 'incompatible_custom_component',
    });
  });

  it("attributes YAML that does not parse, naming no integration, to Home Assistant's configuration", async () => {
    expect(
      await who(
        'Error loading /config/configuration.yaml: mapping values are not allowed here',
        '  in "/config/packages/heating.yaml", line 35, column 28',
      ),
    ).toEqual(['homeassistant']);
  });

  it('knows an integration is custom from the startup warning', async () => {
    const lines = [
      at(
        '10:00:01',
        'ERROR',
        'homeassistant.setup',
        "Setup failed for 'hue': Requirements for hue not found: ['bar==1.0'].",
      ),
      at(
        '10:00:01',
        'ERROR',
        'homeassistant.util.package',
        'Unable to install package bar==1.0: Failed building wheel for bar',
      ),
    ];
    const core = await analyze(...lines);
    const custom = await analyze(
      at(
        '10:00:00',
        'WARNING',
        'homeassistant.loader',
        'We found a custom integration hue which has not been tested by Home Assistant. This component might cause stability problems',
      ),
      ...lines,
    );
    expect(core[0]?.rca.remedy).toBe('notify_only');
    expect(custom[0]?.rca.remedy).toBe('update_or_remove_custom_component');
    expect(custom).toHaveLength(1);
  });

  it("names the custom integration Home Assistant's configuration check or loader names", async () => {
    // The module path names the core integration the code imported from, not the culprit.
    expect(
      await analyzed(
        "Component error: poolmate - cannot import name 'ColorMode' from 'homeassistant.components.light' (/usr/src/homeassistant/homeassistant/components/light/__init__.py)",
      ),
    ).toEqual([['poolmate', 'incompatible_custom_component']]);
    expect(
      await analyzed(
        "Platform error: sensor.poolmate - No module named 'homeassistant.helpers.reload'",
      ),
    ).toEqual([['poolmate', 'incompatible_custom_component']]);
    // The loader could not import its code at all; the traceback was not pasted.
    expect(
      await analyzed(
        "Setup failed for custom integration 'poolmate': Unable to import component: Exception importing custom_components.poolmate",
        'Unexpected exception importing component custom_components.poolmate',
      ),
    ).toEqual([['poolmate', 'incompatible_custom_component']]);
    // The configuration check's newer words for it, under the card's heading (in German here).
    expect(
      await who(
        'Konfiguration fehlerhaft!',
        "Integration error: poolmate - Requirements for poolmate not found: ['pypoolmate==0.7.5'].",
      ),
    ).toEqual(['poolmate']);
    // An integration that fails because one it depends on could not install its requirements:
    // the dependency is the one to look at.
    expect(
      await who(
        "Integration error: default_config - Requirements for bluetooth not found: ['bleak==0.17.0', 'bleak-retry-connector==1.15.1'].",
      ),
    ).toEqual(['bluetooth']);
  });

  it('reads a custom integration folder named after its repository as the domain', async () => {
    // A GitHub download unzips to `<Repository>-main`; HA imports it under that name.
    const [incident] = await analyze(
      'httpx.ConnectError: [Errno -2] Name or service not known',
      '  File "/usr/src/homeassistant/homeassistant/components/switch/__init__.py", line 90, in async_handle_turn_on',
      '  File "/config/custom_components/Acme-Pool-for-Home-Assistant-main/switch.py", line 41, in async_turn_on',
      '    await self._api.set_pump(True)',
    );
    expect(incident?.integration).toBe('acme_pool');
    // Its modules log under that name too: Home Assistant's, not an add-on's.
    const [logged] = await analyze(
      at(
        '10:00:00',
        'ERROR',
        'custom_components.ha-acme-pool-main.sensor',
        'Error fetching pump state: timed out',
      ),
    );
    expect(logged?.integration).toBe('acme_pool');
    // A folder that is a domain already stays as it is.
    const [plain] = await analyze(
      'Traceback (most recent call last):',
      '  File "/config/custom_components/hacs_acme/sensor.py", line 12, in update',
      "KeyError: 'rows'",
    );
    expect(plain?.integration).toBe('hacs_acme');
  });

  it("names the integration whose configuration is invalid, though the Supervisor's check logged it", async () => {
    expect(
      await who(
        '2020-01-22 07:56:42 ERROR (MainThread) [homeassistant.components.hassio] Invalid config for [nibe]: [status] is an invalid option for [nibe]. Check: nibe->nibe->systems->0->units->0->status. (See /config/configuration.yaml, line 356).',
      ),
    ).toEqual(['nibe']);
  });

  it('names the integration of a configuration check pasted with typographic quotes', async () => {
    // A forum or a word processor turns the quotes curly; Home Assistant wrote straight ones.
    expect(
      await who(
        'Invalid config for ‘rest’ from integration ‘sensor’ at sensor/bwt.yaml, line 59: ‘sensor’ is an invalid option for ‘sensor.rest’, check: sensor',
      ),
    ).toEqual(['rest']);
  });

  it('names the integration a configuration check did not find for a platform entry', async () => {
    expect(
      await who(
        "2024-01-01 10:00:00.000 ERROR (MainThread) [homeassistant.config] Platform error: climate - Integration 'warmup' not found.",
      ),
    ).toEqual(['warmup']);
    expect(
      await who('    - Integration heatzy not found when trying to verify its climate platform.'),
    ).toEqual(['heatzy']);
  });

  it('reads a logger named after a custom integration the startup warning named as that integration', async () => {
    const incidents = await analyze(
      at(
        '10:00:00',
        'WARNING',
        'homeassistant.loader',
        'We found a custom integration acme_sync which has not been tested by Home Assistant. This component might cause stability problems, be sure to disable it if you experience issues with Home Assistant',
      ),
      at(
        '10:05:00',
        'ERROR',
        'acme_sync.factory',
        'Upstream returned 503 for https://api.example.com/rate_limit',
      ),
    );
    expect(incidents.map((i) => i.integration)).toEqual(['acme_sync']);
  });

  it('names the integration of an entry without a title that failed to set up', async () => {
    expect(await who('Error setting up entry for acme_hub')).toEqual(['acme_hub']);
  });

  it('attributes a platform error to the custom integration in its traceback', async () => {
    const [incident] = await analyze(
      at('18:20:00', 'ERROR', 'homeassistant.components.sensor', 'Platform error: sensor'),
      'Traceback (most recent call last):',
      '  File "/config/custom_components/pv_custom/sensor.py", line 8, in <module>',
      "ImportError: cannot import name 'DEVICE_CLASS_POWER' from 'homeassistant.const'",
    );
    expect(incident).toMatchObject({
      integration: 'pv_custom',
      category: 'incompatible_custom_component',
    });
  });
});
