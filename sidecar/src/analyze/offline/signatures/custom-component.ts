/** Custom integrations written for an older Home Assistant: only a new release fixes them. */
import { CALL_MISMATCH } from '../patterns.js';
import type { Outcome, SignatureFamily } from '../types.js';
import { customRelease } from '../variants.js';

const common: Omit<Outcome, 'title' | 'rootCause' | 'confidence'> = {
  category: 'incompatible_custom_component',
  remedy: 'update_or_remove_custom_component',
  severity: 'error',
  impact: '{integration} does not load, or parts of it fail; its entities are unavailable.',
  actions: [],
  tests: [
    {
      kind: 'config_entry_loaded',
      description: '{integration} loads after the update.',
      timeout_s: 900,
    },
    {
      kind: 'no_new_matching_errors',
      description: 'The error does not come back after a restart.',
      timeout_s: 1800,
    },
  ],
  manualSteps: [
    'Update {integration} to a release that supports your Home Assistant version (HACS → {integration} → Update or Redownload), then restart.',
    'If no compatible release exists yet, check its issue tracker; remove it for now, or stay on the previous Home Assistant version until it is updated.',
    'Restarting or reloading does not help: the integration’s code itself has to change.',
  ],
};

/** Custom integrations that no longer fit this Home Assistant version. */
export const customComponent: SignatureFamily = {
  family: 'custom_component',
  signatures: [
    {
      id: 'removed_core_api',
      match: {
        text: [
          /cannot import name '(?<name>\w+)' from '(?<module>homeassistant[\w.]*)'/,
          /module '(?<module>homeassistant[\w.]*)' has no attribute '(?<name>\w+)'/,
          /type object '(?<module>\w*(?:DeviceClass|Entity\w*|Feature|Flag|State|Class|Type|Mode))' has no attribute '(?<name>\w+)'/,
          /No module named '(?<module>homeassistant\.[\w.]+)'/,
        ],
      },
      ...common,
      confidence: 0.88,
      variants: [
        {
          // A core integration ships with Home Assistant's own code, so one that lacks a name
          // of `homeassistant` is a custom integration of the same name; only a class of a
          // library it uses may really be missing for a core one.
          when: { core: true, text: /type object '/ },
          set: { category: 'other', remedy: 'notify_only', confidence: 0.5 },
        },
      ],
      title: '{integration} is not compatible with this Home Assistant version',
      rootCause:
        '{integration} uses {name} from {module}, which this Home Assistant version no longer has (“{exception}”). It was removed or renamed after its deprecation period, and this release of the custom integration was written against the old API, so it cannot load.',
    },
    {
      id: 'blocked_or_invalid_manifest',
      match: {
        text: /does not have a (?:valid )?version key\b[^\n]{0,40}in the manifest|Error parsing manifest\.json file at |Unable to resolve dependencies for \w+|'?version'? key in the manifest(?: file)? was not found|No '?version'? key in the manifest|has an invalid version|is blocked (?:from loading|by Home Assistant)|Blocked loading of|Invalid manifest|not compatible with (?:this version of )?Home Assistant|requires? (?:at least )?Home ?Assistant (?:version )?\s*\d{4}\.\d+|minimum Home Assistant version/i,
      },
      ...common,
      confidence: 0.85,
      title: '{integration} cannot be loaded by this Home Assistant version',
      rootCause:
        'Home Assistant refuses to load {integration} (“{detail}”): its manifest is invalid or the installed version is known to break this Home Assistant release.',
    },
    {
      // The integration checks the version of the server it talks to (an add-on, a NAS, a
      // bridge) and refuses one it was not made for: one side must follow the other.
      id: 'server_version_refused',
      match: {
        // Or the device's firmware: "Firmware of 24.7 is below the minimum supported version of 25.1".
        text: /\bversion\b[^\n]{0,80}\b(?:is )?not (?:compatible|supported)\b[^\n]{0,40}\b(?:must|please|need to|you should) (?:upgrade|update)\b|\bis below the minimum supported version\b|\bplease update the firmware to version\b/i,
      },
      ...common,
      confidence: 0.7,
      variants: [
        {
          // One of Home Assistant's own: its release and the server's must meet.
          when: { core: true },
          set: { category: 'other', remedy: 'notify_only' },
        },
      ],
      title: '[[{integration}: ]]the server’s version is not supported',
      rootCause:
        'The integration[[ {integration}]] refuses the version of the server it talks to (“{detail}”): it was made for another version of that server (an add-on, a NAS, a bridge), so it does not start until the two match.',
      impact: 'The integration does not work until its version and the server’s match.',
      manualSteps: [
        'Update the server the message names to the version the integration asks for (an add-on: Settings → Add-ons → Update).',
        'If the server is the newer side, install the integration’s release made for it (HACS → the integration → Redownload, pick the version).',
      ],
    },
    {
      // A library's module that is gone: the library changed under the custom integration.
      id: 'library_api_changed',
      match: {
        text: /No module named '(?<module>(?!homeassistant\b)\w+\.[\w.]+)'/,
        custom: true,
      },
      ...common,
      // The library may also be missing or too old (its requirement not installed, or pinned
      // too low), which a release or a reinstall fixes just the same, but the category differs.
      confidence: 0.65,
      title: '{integration} imports {module}, which its library no longer has',
      rootCause:
        '{integration} imports {module} (“{detail}”). The library it uses changed, and this release was written for the old one.',
    },
    {
      // Two entities with one unique ID: the second is dropped.
      id: 'duplicate_unique_id',
      match: {
        text: /does not generate unique IDs|ID .+ already exists - ignoring|Entity id already exists - ignoring/,
      },
      ...common,
      category: 'other',
      remedy: 'notify_only',
      severity: 'warning',
      confidence: 0.7,
      variants: [customRelease],
      impact: 'An entity of {integration} is missing.',
      tests: [
        {
          kind: 'no_new_matching_errors',
          description: 'No duplicate IDs any more.',
          timeout_s: 3600,
        },
      ],
      title: '{integration} creates two entities with the same ID',
      rootCause:
        '{integration} gives two entities the same unique ID (“{detail}”), so Home Assistant ignores the second one.',
      manualSteps: [
        'Update {integration}; if that does not help, report it with this log.',
        'If the entities come from your YAML, give each its own unique_id.',
      ],
    },
    {
      // HACS's list of removed repositories: the repository is archived, broken or harmful.
      id: 'removed_from_hacs',
      match: {
        text: /\bYou have '(?<repository>[^'\n]+)' installed with HACS this repository has been removed from HACS\b/,
      },
      ...common,
      severity: 'warning',
      confidence: 0.85,
      actions: [],
      title: 'HACS removed {repository}, which is still installed',
      rootCause:
        'HACS no longer offers {repository} (“{detail}”): its author archived it, it was replaced (often by a built-in integration), or it was found broken or harmful. It receives no updates and breaks with Home Assistant’s changes.',
      impact:
        'What it provides keeps running for now, but gets no fixes and may stop working after an update.',
      manualSteps: [
        'Read the removal reason in the message; if a built-in integration replaces it, move to that one.',
        'Then remove {repository} in HACS and restart Home Assistant.',
      ],
    },
    {
      // The browser reports errors of dashboard cards into the log; custom cards are served
      // from /hacsfiles/ or /local/.
      id: 'custom_card_error',
      match: {
        text: /\/(?:hacsfiles|local)\/(?<card>[\w.-]+)\/[^\s]*\.js\S*\s+\w*Error\b/,
        logger: /^frontend\.js\./,
        minLevel: 'INFO',
      },
      ...common,
      category: 'other',
      severity: 'warning',
      confidence: 0.7,
      impact: 'The card {card} does not show or work on the dashboard.',
      tests: [
        {
          kind: 'no_new_matching_errors',
          description: 'The card’s error does not come back.',
          timeout_s: 3600,
        },
      ],
      title: 'The custom card {card} fails in the browser',
      rootCause:
        'The custom card {card} raises an error in the browser (“{detail}”): it does not fit this Home Assistant version, or it has a bug.',
      manualSteps: [
        'Update {card} (HACS → Frontend), then reload the browser page.',
        'If it still fails, report it to the card’s maintainer, or remove the card.',
      ],
    },
    {
      // Home Assistant's own code meets another version of its library than it was released
      // with: a custom integration (often an old copy of this one) installed the version it pins.
      id: 'library_replaced',
      match: {
        text: /cannot import name '(?<name>\w+)' from '(?<module>(?!homeassistant\b)[\w.]+)' \([^)\n]*site-packages/,
        custom: false,
      },
      ...common,
      confidence: 0.6,
      title: '{integration} cannot import {name} from its library {module}',
      rootCause:
        'Home Assistant’s code cannot import {name} from {module} (“{exception}”): the installed {module} is another version than this Home Assistant release needs. Most often a custom integration that requires another version of it, or an old copy of a core integration left in custom_components, installed its own.',
      manualSteps: [
        'Look in custom_components (or HACS) for an integration that uses {module}, such as an old copy of a core integration; update or remove it.',
        'Restart Home Assistant: it installs the version of {module} its own integrations need again.',
      ],
    },
    {
      // Home Assistant rejects entity IDs that are not valid (spaces, capitals, an empty object
      // id) since 2026.2; the integration made them, so only a release of it helps.
      id: 'invalid_entity_id',
      match: { text: /\bInvalid entity ID: \S*/ },
      ...common,
      confidence: 0.75,
      variants: [
        {
          when: { core: true },
          set: { category: 'other', remedy: 'notify_only', confidence: 0.5 },
        },
      ],
      title: '{integration} makes entity IDs Home Assistant no longer accepts',
      rootCause:
        '{integration} creates entities whose IDs are not valid (“{detail}”): spaces, capital letters or an empty name after the domain. Home Assistant refuses them, so those entities are not added. It is the integration’s code that has to change.',
    },
    {
      // Home Assistant's words for an entity whose update raised: the exception follows, or
      // the paste lost it. Custom code fails this way after an API change.
      id: 'entity_update_failed',
      match: {
        text: /^Update for (?<entity>[a-z_]+\.\S+) fails\b|^Error updating entity (?<entity2>[a-z_]+\.\S+) during poll\b/m,
      },
      ...common,
      category: 'other',
      remedy: 'notify_only',
      confidence: 0.4,
      variants: [customRelease],
      title: 'Updating {entity} fails',
      rootCause:
        'Home Assistant could not update {entity}: the integration’s update code raised an error[[ ({exception})]]. Often the service or device answered with something the code does not expect (a changed API), or the code has a bug.',
      manualSteps: [
        'Read the traceback under this line in the full log: its last line says what failed.',
        'Update {integration}; if the error stays, report it with the traceback.',
      ],
    },
    {
      id: 'code_error',
      match: {
        // The last alternatives: the loader could not import its code at all (the
        // exception itself is in a traceback the paste may have lost).
        // An entity class missing a method Home Assistant's base class made abstract.
        text: new RegExp(
          `${/\b(?:ImportError|ModuleNotFoundError|AttributeError|NameError|FrozenInstanceError)\b|'\w+' object has no attribute '\w+'|cannot import name '\w+' from|cannot assign to field|Can't instantiate abstract class/.source}|${CALL_MISMATCH.source}|${/Unable to import component|importing (?:component |platform )?custom_components\.\w+|\bError loading custom_components\.\w+|\.async_(?:setup_entry|setup|migrate_entry|unload_entry) did not return boolean|did not return boolean if setup was successful|No setup or config entry setup function defined|^(?:Error loading|Failed to load) integration: \w+/.source}`,
        ),
        custom: true,
        // A library's module, missing or moved: library_api_changed and the dependency family say more.
        unless: /No module named '(?!homeassistant\b)\w+(?:\.[\w.]+)?'/,
      },
      ...common,
      confidence: 0.75,
      title: '{integration} fails with {exception}',
      rootCause:
        'The custom integration {integration} fails with {exception}[[ in {location}]]. Errors like this right after a Home Assistant update usually mean it relies on something that changed in Home Assistant.',
    },
    {
      id: 'migration_failed',
      match: [
        {
          text: /Error migrating entry|Migration handler (?:for \w+ )?not found|migration (?:of config entry )?failed/i,
        },
        { entryState: ['migration_error'] },
      ],
      ...common,
      category: 'other',
      remedy: 'notify_only',
      confidence: 0.6,
      variants: [
        {
          when: { custom: true },
          set: {
            category: 'incompatible_custom_component',
            remedy: 'update_or_remove_custom_component',
          },
        },
      ],
      title: 'The {integration} config entry could not be migrated',
      rootCause:
        'The stored config entry of {integration} has a version this installation cannot migrate (“{detail}”): the integration was downgraded, or a release broke its migration.',
      manualSteps: [
        'If you downgraded, go back to the newer version of {integration}, or restore a backup taken before the upgrade.',
        'Otherwise update {integration}; if it still fails, delete and re-add the entry.',
      ],
    },
  ],
  benign: [
    {
      text: /We found a custom integration \w+ which has not been tested by Home Assistant|You are using a custom (?:integration|component) for [\w.]+ which has not been tested by Home Assistant/,
    },
    { text: /\bLoaded \w+ from custom_components\.\w+/ },
  ],
};
