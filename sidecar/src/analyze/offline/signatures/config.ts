/** Configuration Home Assistant cannot read or accept: the user fixes it, then reloads or restarts. */
import type { SignatureFamily } from '../types.js';
import { AUTOMATION_CONTEXT, common, NOT_FOUND_AT_START, published } from './config-parts.js';

/** YAML that cannot be read, options that are invalid, integrations that are not installed. */
export const config: SignatureFamily = {
  family: 'config',
  signatures: [
    {
      id: 'yaml_syntax',
      match: {
        text: /mapping values are not allowed here|while (?:parsing|scanning) an? |could not find expected ':'|found character '.*' that cannot start any token|expected <block end>|did not find expected (?:key|node content|alphabetic)|found undefined (?:alias|tag handle)|found unhashable key|found duplicate key|could not determine a constructor for the tag|Failed to parse configuration\.yaml|Error loading \S+\.ya?ml|Unable to read file \S+\.ya?ml|Secret \S+ not defined|secrets\.yaml (?:not found|is missing)|\b(?:YAMLError|ScannerError|ParserError|ConstructorError)\b|Invalid YAML/i,
      },
      ...common,
      confidence: 0.92,
      variants: [{ when: { text: /safe mode|recovery mode/i }, set: { severity: 'critical' } }],
      title: 'The YAML configuration cannot be read[[ ({location})]]',
      rootCause:
        'Home Assistant could not read its YAML configuration: “{detail}”[[ in {location}]]. A syntax error stops the whole file from loading; in configuration.yaml or a file it includes, Home Assistant starts in recovery mode with most integrations missing.',
      impact:
        'Everything configured in that file is missing; in recovery (safe) mode almost nothing runs until it is fixed.',
      actions: [
        {
          action_id: 'restart_core',
          params: {},
          rationale:
            'Only after the YAML is fixed and “Check configuration” passes: restart to load the configuration again.',
          risk: 'medium',
          afterUserFix: true,
        },
      ],
      manualSteps: [
        'Open [[{location} ]]and fix the syntax: indentation, a missing list dash (“- platform: …”), a missing space after a colon, tabs instead of spaces, or an undefined !secret.',
        'Run Developer tools → YAML → Check configuration (or ha core check) until it passes.',
        'Then restart Home Assistant.',
      ],
    },
    {
      // HACS checks a custom repository's layout against the category it was added with: an
      // add-on repository, or one added under the wrong category, does not fit.
      id: 'hacs_repository_not_compliant',
      match: { text: /\bRepos?t?itory structure for \S+ is not compliant\b/i },
      ...common,
      confidence: 0.75,
      title: 'HACS cannot use a repository added to it',
      rootCause:
        'HACS cannot install the repository it was given (“{detail}”): it does not have the layout of the category it was added under. Add-on repositories belong to the Supervisor, not to HACS, and a card or integration added under the wrong category fails the same way.',
      manualSteps: [
        'Remove the custom repository from HACS (HACS → ⋮ → Custom repositories).',
        'If it is an add-on repository, add it under Settings → Add-ons → Add-on store → ⋮ → Repositories; otherwise add it again with its right category.',
      ],
    },
    {
      id: 'integration_not_found',
      match: {
        text: /Integration ['"]?(?<domain>\w+)['"]? not found|Integration not found: (?<domain2>\w+)|Setup failed for '?(?<domain3>\w+)'?: Integration not found|Unable to find (?:integration|component) (?<domain4>\w+)|Cannot find integration (?<domain5>\w+)|Unable to prepare setup for platform '?(?<domain6>\w+)\.\w+'?: Integration not found|No such integration/i,
      },
      ...common,
      confidence: 0.85,
      // Integrations are discovered at start: one installed since (HACS asks for a
      // restart) is "not found" until Home Assistant restarts.
      remedy: 'restart_core',
      actions: [
        {
          action_id: 'restart_core',
          params: {},
          rationale:
            'Only once {integration} is installed (its folder is in custom_components): Home Assistant finds new integrations when it starts.',
          risk: 'medium',
          afterUserFix: true,
        },
      ],
      variants: [
        {
          // A custom integration not found may also be one whose release no longer loads
          // (restructured, or made for another Home Assistant): less sure which.
          when: { custom: true },
          set: { confidence: 0.7 },
        },
        {
          // Logged by a running Home Assistant, not by a check before a restart: it has just
          // started and looked. The custom integration's folder is there in name only (an
          // update that did not finish, a release restructured or refused by this version).
          when: { custom: true, text: NOT_FOUND_AT_START },
          set: {
            category: 'incompatible_custom_component',
            remedy: 'update_or_remove_custom_component',
            actions: [],
            title: 'Home Assistant does not load the custom integration {integration}',
            rootCause:
              'Home Assistant started and did not find the custom integration {integration} (“{detail}”): its folder in custom_components is missing, incomplete, or holds a release this version does not load (restructured, or without what its manifest must declare). Restarting again looks at the same folder.',
            manualSteps: [
              'Download {integration} again (HACS → {integration} → Redownload) and check that custom_components/{integration} holds its manifest.json and __init__.py; then restart.',
              'If its release does not load in this Home Assistant version, update to one that does (its release notes say), or remove it and its configuration.',
            ],
          },
        },
        {
          when: { misspelled: true },
          set: {
            category: 'invalid_config',
            confidence: 0.85,
            remedy: 'fix_config_then_reload',
            actions: [],
            title: 'configuration.yaml names {domain}, a misspelling of {meant}',
            rootCause:
              'The configuration sets up an integration called {domain}, which does not exist; Home Assistant has one called {meant}, so the name is almost certainly misspelled.',
            manualSteps: [
              'Correct {domain} to {meant} in configuration.yaml, check the configuration (Developer tools → YAML) and restart.',
            ],
          },
        },
        {
          // Next to a schema error, the "integration" is a misplaced option (bad indentation).
          when: { text: /Invalid config for|required key not provided|extra keys not allowed/ },
          set: {
            category: 'invalid_config',
            confidence: 0.85,
            remedy: 'fix_config_then_reload',
            actions: [],
            title: 'configuration.yaml names {integration} as an integration: a misplaced option',
            rootCause:
              'The configuration sets up an integration called {integration}, next to a schema error: almost always an option indented one level too little, so Home Assistant reads it as an integration of its own.',
            manualSteps: [
              'Indent the option under the integration or platform it belongs to, check the configuration (Developer tools → YAML) and restart.',
            ],
          },
        },
      ],
      title: 'configuration.yaml sets up {integration}, which Home Assistant did not find',
      rootCause:
        'The configuration asks for {integration}, but Home Assistant did not find an integration of that name when it started: it was installed since (custom integrations, e.g. from HACS, load only after a restart), removed, or the name is misspelled.',
      manualSteps: [
        'If you just installed it, restart Home Assistant (Settings → System → Restart) so it is found.',
        'If it is not installed, install it again (e.g. through HACS) and restart, or remove its section from configuration.yaml (or fix the name).',
      ],
    },
    {
      // The integration's own section is missing from configuration.yaml: it was written
      // as a platform of another integration, or indented under the wrong key.
      id: 'section_missing',
      match: {
        text: /Error during setup of component (?<domain>\w+)(?!\w)[\s\S]*\bKeyError: '\k<domain>'/,
      },
      ...common,
      confidence: 0.8,
      title: '{integration} has no section of its own in configuration.yaml',
      rootCause:
        '{integration} looks for its own section in configuration.yaml and finds none (“{exception}”). It is configured under another key, e.g. as a platform.',
      manualSteps: [
        'Move its configuration to a top-level {integration}: section, as its documentation shows.',
        'Then restart Home Assistant.',
      ],
    },
    {
      // Home Assistant could not set up its core (or the frontend) and started in recovery
      // mode; the reason is in the lines before, which a signature that knows them explains.
      id: 'recovery_mode',
      match: {
        text: /\bActivating (?:safe|recovery) mode\b|Home Assistant core failed to initialize\. Further initialization aborted/,
      },
      ...common,
      severity: 'critical',
      confidence: 0.7,
      title: 'Home Assistant started in recovery mode',
      rootCause:
        'Home Assistant could not set up its core or its frontend (“{detail}”) and started in recovery mode: only what is needed to fix the configuration runs. The lines before it in the log name what failed, usually configuration.yaml (or a file it includes) that cannot be read, or an integration the frontend depends on.',
      impact:
        'No integrations, automations or dashboards run until Home Assistant starts normally again.',
      manualSteps: [
        'Read the errors logged just before this line: they name the file or integration that failed.',
        'Fix it (Developer tools → YAML → Check configuration shows configuration errors), then restart Home Assistant.',
      ],
    },
    {
      // ESPHome asks before letting a device call Home Assistant's actions (since 2024.2):
      // a device that calls one without the entry's permission is refused.
      id: 'device_actions_not_allowed',
      match: {
        text: /\bService call [\w.]+: with data [^\n]*? rejected; If you trust this device\b|\bAction call [\w.]+: with data [^\n]*? rejected\b/,
      },
      ...common,
      severity: 'warning',
      confidence: 0.9,
      title: '[[{integration}: ]]a device may not call Home Assistant’s actions',
      rootCause:
        'A device asked Home Assistant to run an action, and Home Assistant refused (“{detail}”): the device’s entry does not allow it to perform Home Assistant actions, which new and updated ESPHome entries do not by default.',
      impact: 'What the device’s firmware does through Home Assistant’s actions does not happen.',
      manualSteps: [
        'If you trust the device, allow it: Settings → Devices & services → ESPHome → the device → Configure → “Allow the device to perform Home Assistant actions”.',
        'Otherwise remove the `homeassistant.action` (or `homeassistant.service`) calls from its firmware.',
      ],
    },
    {
      // The Supervisor's add-on store is given a repository that holds no add-ons: a custom
      // integration's or a card's repository belongs in HACS, not there.
      id: 'addon_repository_invalid',
      match: {
        text: /(?<!\S)['"(]?(?<url>\S+) is not a valid (?:add-on|app) repository\b|\bNo valid repository for (?<url2>\S+)/,
      },
      ...common,
      confidence: 0.88,
      title: 'An add-on repository holds no add-ons: {url}',
      rootCause:
        'The add-on store was given {url}, which is not an add-on repository (“{detail}”): it is usually a custom integration’s or a dashboard card’s repository, which HACS installs, or its address is mistyped.',
      impact:
        'The repository is not added; nothing from it can be installed from the add-on store.',
      manualSteps: [
        'Remove the repository from the add-on store (Settings → Add-ons → Add-on store → ⋮ → Repositories).',
        'If it is an integration or a card, add it in HACS instead (HACS → ⋮ → Custom repositories).',
      ],
    },
    {
      // Home Assistant no longer reads this YAML: the integration is set up from the UI now,
      // takes no options, or is configured under its own key instead of a platform's.
      id: 'yaml_not_read',
      match: {
        text: /\bdoes not support YAML setup, please remove it from your configuration|\bdoes not support platform setup, please remove it from your config|\bplatform key is not supported, it must be configured under its own \w+ key|\boption near \S+ has been removed, please remove it from your configuration|\bdoes not support any configuration parameters, got |\bYAML configuration of [^\n]{1,60}? is no longer supported\b|\bConfiguration via YAML(?: file)? is no longer supported\b/,
      },
      ...common,
      severity: 'warning',
      confidence: 0.86,
      title: '[[{integration}: ]]configuration.yaml holds lines Home Assistant no longer reads',
      rootCause:
        'Home Assistant no longer reads part of configuration.yaml (“{detail}”): the integration is set up from the UI now, takes no options there, or is configured under its own key; the lines do nothing, and what they describe is not set up from them.',
      impact:
        'What those lines describe is not set up from them; if the integration is not added in the UI either, it does not run.',
      manualSteps: [
        'Remove the lines the message names from configuration.yaml, or move them under the key it names.',
        'If the integration is not set up yet, add it under Settings → Devices & services.',
        'Check the configuration (Developer tools → YAML → Check configuration), then restart Home Assistant.',
      ],
    },
    {
      // The http integration's list of banned addresses (ip_bans.yaml) has an entry it cannot read.
      id: 'ip_bans_invalid',
      match: { text: /\bFailed to load IP ban\b/ },
      ...common,
      confidence: 0.85,
      title: 'ip_bans.yaml has an entry Home Assistant cannot read',
      rootCause:
        'An entry of ip_bans.yaml, the list of banned addresses, cannot be read (“{detail}”): it was edited by hand into an invalid address or date. Depending on the release, the ban is skipped or the web server does not start at all.',
      impact:
        'Bans in the file may not apply; on some releases the frontend and the API are not served until the file is fixed.',
      manualSteps: [
        'Open ip_bans.yaml in the configuration folder and fix or remove the entry the message names (each needs a valid address and a `banned_at` date), or delete the file to clear all bans.',
        'Then restart Home Assistant.',
      ],
    },
    {
      // A package (`homeassistant: packages:`) Home Assistant could not merge into the configuration.
      id: 'package_invalid',
      match: {
        text: /\bPackage (?<package>\S+) setup failed\.|\bPackage (?<package2>\S+) contains invalid customize\b/,
      },
      ...common,
      confidence: 0.85,
      title: 'The configuration package {package} cannot be merged',
      rootCause:
        'Home Assistant could not merge the package {package} into the configuration (“{detail}”): a key it defines is defined again elsewhere, or an integration’s part of it has a shape packages cannot merge (a list where a mapping is needed, or the reverse).',
      manualSteps: [
        'Open the package file the message names and fix the key it names: rename a duplicate, or write that integration’s part the way the packages documentation shows.',
        'Check the configuration (Developer tools → YAML → Check configuration), then restart Home Assistant.',
      ],
    },
    {
      // The URLs under Settings → System → Network take no path.
      id: 'url_with_path',
      match: {
        text: /\bInvalid (?<which>external|internal)_url set\. It's not allowed to have a path\b/,
      },
      ...common,
      severity: 'warning',
      confidence: 0.85,
      title: 'Home Assistant’s {which}_url has a path',
      rootCause:
        'The {which}_url set for Home Assistant has a path after the host (“{detail}”), which Home Assistant does not accept, so it ignores it: links to Home Assistant (notifications, cast, companion apps) use no URL or a wrong one.',
      manualSteps: [
        'Set the URL without a path under Settings → System → Network (e.g. https://home.example.com, not https://home.example.com/ha).',
        'If Home Assistant runs behind a proxy under a path, serve it at the root of its own host name instead: Home Assistant does not support a path prefix.',
      ],
    },
    {
      // The integration itself says its configuration is wrong, in its own words.
      id: 'misconfigured',
      match: { text: /\bmisconfigured\b|\bmisconfiguration\b/i },
      ...common,
      confidence: 0.75,
      title: '{integration} is misconfigured',
      rootCause:
        '{integration} reports that its configuration is wrong (“{detail}”): a value was entered in the wrong form or points at the wrong thing, so it cannot work until it is corrected.',
      manualSteps: [
        'Correct the value the message names (Settings → Devices & services → {integration} → Reconfigure, or its YAML), following the integration’s documentation.',
        'Then reload {integration}.',
      ],
    },
    {
      id: 'schema',
      match: {
        text: /Invalid config for (?:\[(?<domain>[\w.]+)\]|'(?<domain2>\w+)'|integration (?<domain3>\w+) at\b)|\bFailed to process config for integration (?<domain4>\w+) due to multiple\b|extra keys not allowed @ data|required key not provided @ data|is an invalid option for|not a valid value for dictionary value|value must be one of|Invalid config for calling service/i,
        unless: AUTOMATION_CONTEXT,
      },
      ...common,
      // About one in five real schema errors is not the user's configuration (an
      // integration's own bug, a changed schema): below the confident band.
      confidence: 0.78,
      variants: [published],
      title: '{integration} has an invalid configuration',
      rootCause:
        'The configuration of {integration} does not match what it accepts: “{detail}”. Home Assistant skips the invalid part, so what it describes is not set up.',
      manualSteps: [
        'Fix the option the message names[[ ({location})]] — options are renamed or removed in breaking changes, so check the release notes of the last update and the integration’s documentation.',
        'Check the configuration (Developer tools → YAML), then reload that YAML or restart.',
      ],
    },
    {
      // An integration's config validator raised instead of naming the invalid option: the
      // configuration trips it (an unexpected shape), or the validator has a bug.
      id: 'validator_error',
      match: { text: /Unknown error calling (?<domain>\w+) config validator\b/ },
      ...common,
      confidence: 0.7,
      title: 'The {integration} configuration could not be checked',
      rootCause:
        'Checking the {integration} configuration failed with an unexpected error (“{detail}”) instead of naming an invalid option: a part of it has a shape the check does not expect (an action, condition or trigger written in a form it cannot read), or the check itself has a bug in this release. Until it passes, what it describes is not loaded.',
      manualSteps: [
        'Look at what changed in the {integration} configuration lately (the YAML, or the automation or script edited last) for an entry written in an unusual form, and write it the documented way.',
        'If the configuration is as documented, it is a bug of this release: report it, and keep the previous release until it is fixed.',
      ],
    },
    {
      // Devices and cloud services push events to a webhook URL that Home Assistant builds
      // from its own internal or external URL; when that URL is wrong or not reachable from
      // the sender, subscribing fails however often the integration retries.
      id: 'webhook_unreachable',
      match: {
        text: /\b(?:subscription|subscrib(?:e|ing)|registration|register(?:ing)?)\b[^\n]{0,60}\bwebhook|\bwebhook\b[^\n]{0,60}\b(?:failed|not reachable|unreachable|could not be (?:reached|registered|created))|\bwebhook_url\b[^\n]{0,60}\b(?:invalid|not set|missing)|invalid (?:webhook|callback) url/i,
      },
      ...common,
      confidence: 0.6,
      title: '[[{integration}: ]]events cannot be delivered to Home Assistant’s webhook',
      rootCause:
        'Subscribing to events at Home Assistant’s webhook failed (“{detail}”). The sender reaches Home Assistant at an address built from its configured internal or external URL; when that URL is missing, wrong, or not reachable from the device or service, no events arrive.',
      impact:
        'Events from {integration} (motion, doorbells, state changes) do not arrive, or only by polling.',
      manualSteps: [
        'Check Home Assistant’s URLs (Settings → System → Network): the internal URL must be an address the device can reach (not localhost), the external one a reachable address for cloud services.',
        'Then reload {integration}.',
      ],
    },
    {
      // A speaker fetches the media itself, at the URL Home Assistant builds from its own
      // internal or external URL: one it cannot reach (localhost, an old address) fails every cast.
      id: 'media_url_unreachable',
      match: {
        text: /Failed to cast media (?<url>\S+) from (?:internal_url|external_url)|Please make sure the URL is:? Reachable from the cast device/i,
      },
      ...common,
      confidence: 0.75,
      severity: 'warning',
      title: '[[{integration}: ]]the speaker cannot fetch media from Home Assistant',
      rootCause:
        'The cast device fetches media (text-to-speech, local files) from Home Assistant at an address built from its configured internal or external URL (“{detail}”); the device cannot reach that address — localhost, an old IP address, a host name it cannot resolve, or https with a certificate it does not accept.',
      impact: 'Text-to-speech and local media do not play on the cast devices.',
      manualSteps: [
        'Set Home Assistant’s internal URL (Settings → System → Network) to an address the speaker reaches: its current LAN IP address, or a name your router’s DNS resolves.',
        'Then cast again; no restart is needed.',
      ],
    },
    {
      // Modbus registers are 16 bits: a data type wider or narrower than the registers read
      // (count) makes every read unpack the wrong number of bytes.
      id: 'register_size',
      match: {
        text: /Received (?<received>\d+) bytes, unpack error unpack requires a buffer of (?<needed>\d+) bytes/,
      },
      ...common,
      confidence: 0.75,
      title: '[[{integration}: ]]a Modbus entity reads {received} bytes for a value of {needed}',
      rootCause:
        'A Modbus entity reads {received} bytes but its data_type needs {needed} (“{detail}”): data_type and count (the number of 16-bit registers) do not fit each other or the device’s register. The entity never gets a value.',
      impact: 'That Modbus entity stays unavailable or without a value.',
      manualSteps: [
        'Check the entity’s data_type and count against the device’s register map: 16-bit types read 1 register, 32-bit types 2, 64-bit types 4; remove an explicit count that contradicts data_type.',
        'Then reload Modbus (or restart Home Assistant).',
      ],
    },
    {
      // A Modbus device's exception answer: it was reached and refuses the register or function.
      id: 'register_refused',
      match: { text: /\bException Response\(\d+, \d+, Illegal(?<what>Address|Function|Value)\)/ },
      ...common,
      confidence: 0.8,
      title: '[[{integration}: ]]a Modbus device refuses the register asked for',
      rootCause:
        'The Modbus device answers that it has no such register, function or value (“{detail}”): the entity’s address, its input type (holding or input register) or its slave id does not match the device’s register map, or its firmware numbers registers differently.',
      impact: 'That entity gets no value; other registers of the device may work.',
      manualSteps: [
        'Check the address against the device’s register map, including whether it counts from 0 or 1 (an address one off is common), the input_type and the slave id.',
        'Then reload Modbus (or restart Home Assistant).',
      ],
    },
    {
      // The dashboard's words for a card whose JavaScript did not load: users paste them as
      // they paste log lines.
      id: 'card_not_loaded',
      match: { text: /Custom element doesn't exist: (?<card>[\w-]+)/, minLevel: 'INFO' },
      ...common,
      confidence: 0.8,
      severity: 'warning',
      impact: 'The dashboard shows an error card where the {card} card should be.',
      title: 'The dashboard card {card} is not loaded',
      rootCause:
        'A dashboard uses the custom card {card}, and the browser has no such element (“{detail}”): the card is not installed, its JavaScript is not among the dashboard’s resources (in YAML mode resources are read only from lovelace: resources in configuration.yaml), or the browser still runs a cached copy from before it was installed.',
      manualSteps: [
        'Install the card (HACS → Frontend), and check Settings → Dashboards → ⋮ → Resources lists its .js file; for YAML-mode dashboards add it under lovelace: resources: in configuration.yaml and restart.',
        'Then reload the page without the cache (Ctrl+F5, or clear the companion app’s frontend cache).',
      ],
    },
    {
      // lovelace checks a YAML dashboard resource under /local/ against the file in www/:
      // a card removed (or renamed) leaves its resource behind.
      id: 'dashboard_resource_missing',
      match: {
        text: /\bLovelace resource (?<resource>\S+) was not found at \S+/,
        logger: /^homeassistant\.components\.lovelace\b/,
      },
      ...common,
      confidence: 0.82,
      severity: 'warning',
      impact: 'Cards that need {resource} show an error on the dashboards that use them.',
      title: 'A dashboard resource file is missing: {resource}',
      rootCause:
        'A dashboard resource points to {resource}, and there is no such file (“{detail}”): the custom card or theme it belongs to was removed or renamed (uninstalling it leaves the resource behind), or the path differs in case (file and folder names are case-sensitive).',
      manualSteps: [
        'Reinstall the card (HACS → Frontend), or remove the resource from lovelace: resources: in configuration.yaml if the card is no longer used, then restart.',
        'Compare the path, letter case included, with the file in the www folder of the configuration (/local/ is that folder).',
      ],
    },
    {
      // lovelace registers each dashboard at its url_path: a second one at the same path (a
      // YAML dashboard and a stored one, or a panel of an integration) is not registered.
      id: 'dashboard_path_taken',
      match: {
        text: /\bPanel url path (?<panel>\S+) is not unique\b|\bCannot register panel at \S+, it is already defined in\b/,
        logger: /^homeassistant\.components\.lovelace\b/,
      },
      ...common,
      confidence: 0.84,
      severity: 'warning',
      impact: 'One of the dashboards does not appear in the sidebar and cannot be opened.',
      title: 'Two dashboards claim the same address[[ ({panel})]]',
      rootCause:
        'Two dashboards, or a dashboard and another panel, use the same address (“{detail}”): the one registered second is left out. Usually a YAML dashboard under lovelace: dashboards: and one created in the UI, or a dashboard named like an integration’s panel.',
      manualSteps: [
        'Give one of them another url_path (lovelace: dashboards: in configuration.yaml, or Settings → Dashboards), then restart.',
      ],
    },
    {
      // The program names the settings it needs and says where they go (Zigbee2MQTT 2.0 on a
      // network coordinator whose adapter type it can no longer guess).
      id: 'setting_requested',
      match: {
        text: /\b(?:Specify|Set|Provide) (?:a )?valid '(?<setting>[^'\n]+)'(?: (?:and|or) '[^'\n]+')* in your configuration\b/i,
        minLevel: 'INFO',
      },
      ...common,
      confidence: 0.75,
      title: '[[{integration}: ]]a setting it needs is missing: {setting}',
      rootCause:
        'The program stops and asks for settings it cannot do without (“{detail}”): they are missing or no longer valid, often after an update that stopped guessing them.',
      manualSteps: [
        'Add the settings the message names to the configuration (for an add-on, its Configuration tab), with values from its documentation.',
        'Then start it again.',
      ],
    },
    {
      // The program refuses a setting it does not know (a command-line flag, a field of its
      // configuration file): renamed or removed by an update, or written at the wrong level.
      id: 'setting_refused',
      match: {
        text: /\bUnknown (?:field|option|setting|configuration key)s?(?:: '?(?<setting>[\w.-]+)| '(?<setting3>[^'\n]+)')|\bunrecognized arguments?: (?<setting2>\S+)|\bUnknown configuration variable "(?<setting4>[^"\n]+)"/i,
        minLevel: 'INFO',
      },
      ...common,
      confidence: 0.7,
      title: '[[{integration}: ]]a setting is not accepted: {setting}',
      rootCause:
        'The program stops at a setting it does not know (“{detail}”): it was renamed or removed by an update, misspelled, or written at the wrong level of the configuration.',
      manualSteps: [
        'Find the setting the message names in the configuration (for an add-on, its Configuration tab or its own configuration file) and correct it after the documentation of the installed version.',
        'Then start it again.',
      ],
    },
    {
      // mobile_app names each notify action after the device: a second registration under
      // the same name (a reinstalled or second phone) gets none.
      id: 'duplicate_app_name',
      match: { text: /\bFound duplicate device name (?<device>[^\n]+)/ },
      ...common,
      confidence: 0.8,
      severity: 'warning',
      title: 'Two Companion app registrations are named “{device}”',
      rootCause:
        'Two devices registered with the Companion app under the same name (“{device}”), often an old registration left after reinstalling the app or a second phone of the same model. The notify action is named after the device, so only one of them gets one and notifications reach only that one.',
      manualSteps: [
        'Settings → Devices & services → Mobile App: delete the registration that is no longer used, or rename one device in the Companion app (Settings → Companion app → Device name).',
        'Restart Home Assistant so that each device gets its notify action.',
      ],
    },
    {
      id: 'entity_state_or_unit',
      match: {
        text: /thus indicating it has a numeric value; however, it has the non-numeric value|which is not a valid unit for the device class|is using state class '[^']*' which is impossible considering device class|has a state class .* but|Entity \S+ .*is using native unit of measurement '[^']*' which is not a valid unit|\bhave state class '[^']*' but 'last_reset' is missing|\bThe unit of \S+ \([^)\n]*\) does not match the unit of already compiled statistics|has state class \w+, but its state is not strictly increasing|has state class \w+, but its state is negative|cannot be converted to the unit of previously compiled statistics|\bThe unit of \S+ is changing, got multiple\b/,
      },
      ...common,
      confidence: 0.75,
      severity: 'warning',
      // A custom integration's entity description is its author's to fix: a bug of its code,
      // not of the user's configuration.
      variants: [
        {
          when: { custom: true },
          set: { category: 'other', remedy: 'update_or_remove_custom_component' },
        },
      ],
      title: '[[{entity}: ]]the state does not fit its device class or unit',
      rootCause:
        'The entity’s configuration promises a numeric value in a unit of its device class, but it reports something else (“{detail}”) — typically a template that yields “unknown”/“unavailable”, or a wrong unit_of_measurement or device_class.',
      manualSteps: [
        'For a template or YAML sensor: give the template a numeric default or an availability template, and fix unit_of_measurement / device_class / state_class.',
        'For a sensor an integration provides, report it to the integration with this message.',
      ],
    },
    {
      id: 'template',
      match: {
        text: /\bTemplateError\b|\bUndefinedError\b|Error rendering template|TemplateSyntaxError|Template (?:variable )?(?:error|warning)\b|Error parsing value|rendered invalid (?:entity IDs|service|timestamp|date)|rendered timestamp without timezone|Error validating template result/,
        unless: AUTOMATION_CONTEXT,
      },
      ...common,
      confidence: 0.6,
      severity: 'warning',
      variants: [published],
      title: 'A template[[ in {integration}]] fails to render',
      rootCause:
        'A template refers to something that does not exist or has an unexpected value: “{detail}”. The entity or option built from it shows the wrong value or is unavailable.',
      manualSteps: [
        'Test the template in Developer tools → Template; guard missing values with defaults (e.g. | float(0), states(…) | is_number, has_value()).',
        'Fix it in the template helper or YAML, then reload template entities.',
      ],
    },
  ],
};
