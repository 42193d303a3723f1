/** Add-ons (apps) that crash or stop: restart them once their log says why. */
import type { SignatureFamily } from '../types.js';
import {
  brokenImage,
  common,
  dependencyNotUp,
  ownConfig,
  installFailed,
  restartsExhausted,
  settingUnusable,
  startScriptFailed,
  unsupportedCpu,
  unsupportedSystem,
} from './addon-parts.js';

/** bashio's answer when no add-on provides the service it asked the Supervisor for. */
const SERVICE_NOT_ENABLED = /Got unexpected response from the API: Service not enabled/;

/** Add-on crashes, watchdog restarts and services that exit with an error. */
export const addon: SignatureFamily = {
  family: 'addon',
  signatures: [
    {
      id: 'watchdog',
      match: {
        text: /Watchdog found (?:addon|add-on|app) (?<addon>.+?) is (?<state>\w+), restarting|Watchdog restart of (?:addon|add-on|app) (?<addon2>.+?) failed|Watchdog cannot restart (?:addon|add-on|app) (?<addon3>.+?),|(?:Add-on|addon|app) (?<addon4>\S+) is (?<state2>unhealthy|stopped|in error state),? (?:the )?watchdog restart|watchdog_container\b[^\n]*AddonsJobError|Watchdog found a problem with (?<addon5>\S+) application|Watchdog missing application response from (?<addon6>\S+)/i,
      },
      ...common,
      // The Supervisor's watchdog restarts it already: one more restart adds nothing.
      remedy: 'notify_only',
      actions: [],
      confidence: 0.88,
      variants: [ownConfig, restartsExhausted, unsupportedCpu, brokenImage],
      title: 'Add-on {addon} crashed',
      rootCause:
        'The Supervisor found {addon} stopped or unhealthy and restarts it (“{detail}”). If that repeats, the add-on’s own log shows why it exits, or its health check reports a working add-on as unhealthy (a bug of that release).',
      manualSteps: [
        'Read the add-on’s log (Settings → Add-ons → {addon} → Log) around the restarts: the lines before each exit say why it stopped.',
        'If it keeps restarting, fix what the log names, or look for a newer release of the add-on and report the loop to its maintainer; turning its Watchdog off stops restarts of an add-on that works.',
      ],
    },
    {
      id: 'start_failed',
      match: {
        text: /Can't start addon_(?<addon4>[\w-]+)|Can't start (?:Add-on|addon|app) (?<addon>\S+)|Add-on (?<addon2>\S+) (?:failed to start|crashed|is in error state)|Failed to start (?:add-on|addon|app) (?<addon3>\S+)|call \/(?:addons|store\/addons)\/(?<addon5>[\w-]+)\/start\b/i,
      },
      ...common,
      // The line says that it did not start, not why: the Supervisor's own state (a job
      // still running, Docker's network) stops a start as often as the add-on does.
      confidence: 0.6,
      variants: [ownConfig, restartsExhausted, unsupportedCpu],
      title: 'Add-on {addon} does not start',
      rootCause: 'The Supervisor could not start {addon} (“{detail}”).',
    },
    {
      id: 'port_in_use',
      match: {
        // musl (the add-ons' Alpine) says "Address in use" where glibc says "already in use".
        text: /\baddress (?:already )?in use\b|\bEADDRINUSE\b|\bport is already allocated\b|\bCannot bind to (?:UDP |TCP )?port \d+/i,
        addon: true,
        minLevel: 'INFO',
      },
      ...common,
      remedy: 'fix_config_then_reload',
      confidence: 0.84,
      variants: [
        {
          // Docker could not publish the port on the host: mostly another add-on publishes the
          // same one; else a service on the host, or a binding left from a reinstall.
          when: { text: /driver failed programming external connectivity|userland proxy/i },
          set: {
            rootCause:
              'Docker cannot publish the add-on’s port on the host (“{detail}”): another add-on publishes the same port, or a service on the host (or a binding left over from a reinstall) holds it.',
            manualSteps: [
              'Find what holds the port: another add-on with the same port (stop it, or change the port of one of them in its Network settings), or a service on the host.',
              'If nothing does, reboot the host to drop a stale binding; then start the add-on again.',
            ],
          },
        },
      ],
      title: 'Add-on {addon} cannot open its port',
      rootCause:
        'The add-on cannot listen on its port because another service already uses it (“{detail}”): another add-on, a service on the host, or a second copy of the same program.',
      manualSteps: [
        'Find what else uses that port (another add-on with the same port, e.g. two DNS servers on 53 or two MQTT brokers on 1883).',
        'Stop that service, or change the port in the add-on’s Network settings; then start the add-on again.',
      ],
    },
    {
      id: 'service_down',
      match: {
        text: /(?:Cannot connect to host|Failed to connect|connect(?:ion)? (?:to|refused)|Connect call failed)[^\n]*?\b(?<addon>(?:core|local|[0-9a-f]{8})-[a-z0-9][a-z0-9_-]*)(?::\d+)?\b/i,
        // A name that does not resolve is the DNS signature's: it says more about the cause.
        unless:
          /Name or service not known|Temporary failure in name resolution|nodename nor servname/i,
      },
      ...common,
      confidence: 0.8,
      title: 'Add-on {addon} does not answer',
      rootCause:
        'Home Assistant cannot reach the add-on {addon} (“{detail}”): the add-on is stopped, crashed, or still starting.',
    },
    {
      // An accelerator or device the add-on was set up to use is not there (Frigate's Coral
      // TPU, over USB or PCIe): a cable, a port or the passthrough, not the add-on.
      id: 'device_missing',
      match: {
        text: /No EdgeTPU was detected|Failed to load delegate from libedgetpu|No EdgeTPU (?:device )?(?:found|detected)/i,
        minLevel: 'INFO',
      },
      ...common,
      remedy: 'check_network_or_device',
      confidence: 0.78,
      title: 'Add-on {addon} does not find its Coral accelerator',
      rootCause:
        'The add-on is configured to use a Coral (Edge TPU) accelerator, and none was found (“{detail}”): the USB stick or PCIe card is not connected, its cable or port is faulty, or it is not passed through to the machine.',
      manualSteps: [
        'Check that the Coral is plugged in (a short, good cable, a USB 3 port) and shows under Settings → System → Hardware; in a virtual machine, pass it through.',
        'Then restart the add-on. Until it is found, configure a CPU detector if the add-on should run without it.',
      ],
    },
    {
      id: 'exited',
      match: {
        text: [
          /\bexited with code (?!0\b|143\b|256 \(by signal 15\))(?<code>\d+)/i,
          /unable to start service [\w-]+: command exited [1-9]|\.sh:? exited [1-9]\d*\b|\bprocess exit code [1-9]/i,
        ],
        minLevel: 'INFO',
      },
      ...common,
      confidence: 0.8,
      variants: [
        // Outside an add-on's log, "exited with code" is any container's (Docker Compose
        // names Home Assistant's own container so): the evidence does not say an add-on.
        { when: { addon: false }, set: { confidence: 0.7 } },
        startScriptFailed,
        dependencyNotUp,
        ownConfig,
        restartsExhausted,
        unsupportedCpu,
      ],
      title: 'Add-on {addon} crashed[[ (exit code {code})]]',
      rootCause:
        'The add-on’s main service exited with an error[[ (exit code {code})]] and the add-on halted. Its log just before the exit says why: “{detail}”.',
    },
    {
      // The kernel cannot run the file: built for another CPU architecture, or an image
      // whose download broke off. Every start runs the same file.
      id: 'wrong_architecture',
      match: { text: /\bexec format error\b/i, minLevel: 'INFO' },
      ...common,
      remedy: 'notify_only',
      actions: [],
      confidence: 0.82,
      title: 'Add-on {addon} cannot run its program on this system',
      rootCause:
        'The system cannot execute the add-on’s program (“{detail}”): it is built for another CPU architecture than this machine’s (an add-on from a repository that does not build for it), or its image was downloaded incompletely. Restarting runs the same file again.',
      manualSteps: [
        'Check that the add-on supports this machine’s architecture, and that it comes from its official repository.',
        'Update or reinstall the add-on so its image is downloaded again.',
      ],
    },
    {
      // A start script run with `set -u` reads a variable nothing set: a path through the
      // script its release did not foresee (an option left out). Every start takes it again.
      id: 'script_unset_variable',
      match: {
        text: /^(?<script_line>\S*\.sh: line \d+: (?<variable>\w+): unbound variable)/m,
        minLevel: 'INFO',
      },
      ...common,
      remedy: 'notify_only',
      actions: [],
      confidence: 0.7,
      title: 'A start script of {addon} stops at an unset {variable}',
      rootCause:
        'The add-on’s start script reads {variable}, which nothing set (“{script_line}”), and stops there: this release does not handle the options as they are set here (often an option that is left out or belongs to another mode). Restarting takes the same path again.',
      manualSteps: [
        'Check the add-on’s changelog and issue tracker for {variable}: such bugs are usually fixed in the next release, so update the add-on.',
        'Until then, setting the option the variable comes from (see the add-on’s documentation) often lets the script pass.',
      ],
    },
    {
      // The add-on's own run script cannot find a program it starts: the image of this
      // release lacks it (a broken build, a renamed binary). Every start fails the same way.
      id: 'program_missing',
      match: {
        text: /^(?<script_line>\S*(?:\.sh|\/run|\/finish|run): line \d+: (?:exec: )?(?<program>[\w.-]+): (?:command )?not found)/m,
        minLevel: 'INFO',
      },
      ...common,
      remedy: 'notify_only',
      actions: [],
      // Above the crash it causes ("… crashed, halting add-on"): it says why.
      confidence: 0.8,
      title: '{addon} cannot find its program {program}',
      rootCause:
        'The add-on’s start script runs {program}, which its image does not have (“{script_line}”): this release was built or packaged wrongly, so the add-on stops at every start, whatever its options.',
      manualSteps: [
        'Check the add-on’s issue tracker: a broken release is usually replaced within days, so update the add-on when a new version appears.',
        'Until then, restore the previous version of the add-on from a backup if you need it running.',
      ],
    },
    {
      // The kernel refuses to run a script or program of the add-on's own image: it was
      // packaged without its executable bit. Every start runs the same file.
      id: 'program_not_executable',
      match: {
        text: /^(?<script_line>\S*(?:\.sh|\/run|\/finish|run|cont-init): line \d+: (?<program>\/[\w./-]+): Permission denied|\[FATAL tini \(\d+\)\] exec (?<program2>\/[\w./-]+) failed: Permission denied)/m,
        minLevel: 'INFO',
      },
      ...common,
      remedy: 'notify_only',
      actions: [],
      confidence: 0.8,
      title: '{addon} may not run its own {program}',
      rootCause:
        'The add-on’s image holds {program} without permission to execute it (“{script_line}”): this release was packaged wrongly, so the add-on stops at every start, whatever its options.',
      manualSteps: [
        'Check the add-on’s issue tracker: a broken release is usually replaced within days, so update the add-on when a new version appears.',
        'Until then, restore the previous version of the add-on from a backup if you need it running.',
      ],
    },
    {
      // bashio asks the Supervisor for a service's connection details (MQTT's, from the
      // Mosquitto add-on); asked again and again, no add-on provides it, so the add-on waits
      // for a broker it is never told about. Once, at start, it is only a check.
      id: 'service_not_provided',
      match: [
        { text: SERVICE_NOT_ENABLED, minCount: 2 },
        { text: SERVICE_NOT_ENABLED, with: [/Failed to get services from Supervisor API/] },
      ],
      ...common,
      category: 'invalid_config',
      remedy: 'fix_config_then_reload',
      actions: [],
      confidence: 0.7,
      title: '{addon} asks the Supervisor for a service no add-on provides',
      rootCause:
        'The add-on asks the Supervisor for the connection details of a service, usually the MQTT broker, and the Supervisor answers that no add-on provides it (“{detail}”): the Mosquitto add-on is not installed or not started, or the broker runs elsewhere. Without them the add-on has nothing to connect to.',
      manualSteps: [
        'If the broker runs outside the Supervisor, enter its host, port, user and password in the add-on’s Configuration tab (show unused optional options if they are hidden), then restart the add-on.',
        'Otherwise install and start the Mosquitto broker add-on, then restart this one.',
      ],
    },
    {
      // Node-RED encrypts its flows' credentials with the app's credential_secret option: with
      // another secret (the option changed, a restored flows_cred.json) it cannot read them.
      id: 'credentials_undecryptable',
      match: {
        text: /Error loading (?:flows|credentials): Error: Failed to decrypt credentials|\bError loading credentials: SyntaxError\b/,
      },
      ...common,
      category: 'invalid_config',
      remedy: 'fix_config_then_reload',
      actions: [],
      confidence: 0.8,
      title: 'Node-RED cannot decrypt its flows’ credentials',
      rootCause:
        'Node-RED cannot decrypt the credentials of its flows (“{detail}”): they were encrypted with another credential_secret than the one set now (the option was changed, or flows_cred.json comes from another installation). Its flows run without their passwords and tokens.',
      manualSteps: [
        'Set credential_secret in the Node-RED app’s configuration back to the secret the credentials were encrypted with, and restart it.',
        'If that secret is lost, delete flows_cred.json and enter the credentials of each node again.',
      ],
    },
    {
      // The Supervisor checks an add-on's options against its schema before starting it: a
      // required option without a value (often one a new release added) stops the start.
      // Its wording over the years: "Missing option 'x' in root in Name (slug)", "Missing
      // required option 'x' in Name (slug)", "Add-on slug have wrong / has invalid options".
      id: 'options_invalid',
      match: {
        text: /\bMissing (?:required )?option '(?<option>[^']+)' in [^\n]*?\((?<addon>[^()\s]+)\)|\bAdd-on (?<addon2>[\w-]+) (?:have wrong|has invalid) options\b|\bRefusing to start because configuration is not valid\b|\bYour config file is not valid!/,
        minLevel: 'INFO',
      },
      ...common,
      category: 'invalid_config',
      remedy: 'fix_config_then_reload',
      actions: [],
      confidence: 0.75,
      title: 'The options of {addon} do not pass its schema',
      rootCause:
        'The Supervisor does not start {addon} because its options do not match what this release requires (“{detail}”): an option is missing or has a value of the wrong kind, often one the release added or changed.',
      manualSteps: [
        'Open the add-on’s Configuration tab, fill in or correct the option the message names (its documentation gives the values), save, and start the add-on.',
        'If the option is new and has no sensible value for you, check the add-on’s changelog: such releases are often followed by one that gives it a default.',
      ],
    },
    {
      // The add-on's repository announced a release whose image is not in the registry (yet):
      // the Supervisor finds no manifest for that tag.
      id: 'image_not_published',
      match: {
        text: /Can't install (?<image>\S+?):? \[404\] failed to resolve reference|Failed to fetch manifest for (?<image2>\S+) - 404\b|\bmanifest for (?<image3>\S+) not found: manifest unknown/,
        minLevel: 'INFO',
      },
      ...common,
      category: 'other',
      remedy: 'notify_only',
      actions: [],
      confidence: 0.7,
      title: 'The image of this add-on release is not published',
      rootCause:
        'The Supervisor cannot download the add-on’s image because the registry has no such version (“{detail}”): its repository announced the release before the image was built and published, or the release was pulled. Nothing is wrong on this system; the installed version keeps running.',
      manualSteps: [
        'Wait an hour or two and try the update again: the image usually appears once the add-on’s build finishes.',
        'If it stays missing, check the add-on’s repository for a failed build or a withdrawn release.',
      ],
    },
    {
      id: 'template_failed',
      // tempio renders an official add-on's configuration files from its options at start.
      // A paste may keep only the end of the message: `executing "tempIO" at <…>: error calling …`.
      match: {
        text: /\btemplate: tempIO:\d+(?::\d+)?: |\bexecuting "tempIO" at </,
        minLevel: 'INFO',
      },
      ...common,
      remedy: 'notify_only',
      actions: [],
      confidence: 0.75,
      title: 'Add-on {addon} cannot write its configuration',
      rootCause:
        'When it starts, the add-on renders its configuration files from its options, and that template fails (“{detail}”): an option holds a value of a kind the template does not expect, or the template of this release has a bug. The add-on does not start; restarting renders the same template again.',
      manualSteps: [
        'Look at the option the message names in the add-on’s Configuration tab: an empty, removed or differently typed value; set it as the add-on’s documentation says and start it again.',
        'If the options are right, the release is at fault: update the add-on (such bugs are fixed quickly) or restore the previous version from a backup.',
      ],
    },
    {
      // The add-on checks the CPU before it starts its program (Whisper needs AVX).
      id: 'cpu_unsupported',
      match: {
        text: /\bCPU does not support\b[^\n]*|\bAdvanced Vector Extensions\b[^\n]*\brequired\b|\brequires? (?:a CPU with )?AVX2?\b/i,
        minLevel: 'INFO',
      },
      ...common,
      remedy: 'notify_only',
      actions: [],
      confidence: 0.78,
      title: 'Add-on {addon} needs CPU features this machine lacks',
      rootCause:
        'The add-on refuses to start because the CPU lacks instructions its program needs (“{detail}”), typically AVX on older or virtual CPUs. Restarting repeats the same check.',
      manualSteps: [
        'In a virtual machine, pass the host CPU through (CPU type “host”) so the guest sees its AVX instructions; then start the add-on again.',
        'On a CPU without them, use a release or alternative that does not need them; check the add-on’s changelog, a later release may relax the check.',
      ],
    },
    {
      id: 'fatal',
      match: {
        text: /\bHalt add-on\b|\bhalting add-on\b|s6-svscanctl: fatal|rc\.init: fatal|s6-overlay-suexec: fatal|s6-linux-init[\w-]*: fatal|Fatal Python error|Segmentation fault|core dumped|\bSIGSEGV\b|\bSIGABRT\b|^panic:|FATAL ERROR:/im,
        addon: true,
      },
      ...common,
      confidence: 0.78,
      variants: [ownConfig, restartsExhausted, unsupportedCpu, brokenImage],
      title: 'Add-on {addon} crashed',
      rootCause: 'The add-on’s process died (“{detail}”) and the add-on stopped.',
    },
    {
      // A client inside an add-on that lost its peer and does not reconnect by itself
      // (Zigbee2MQTT to the broker, Node-RED to Home Assistant through the Supervisor).
      id: 'client_disconnected',
      match: [
        {
          text: /Not connected to (?:the )?MQTT server|attempted without connection to server|MQTT error: (?:write|read) (?:EPIPE|ECONNRESET)/i,
          addon: true,
        },
        {
          text: /Connection closed to http:\/\/supervisor\/core/,
          minLevel: 'INFO',
          minCount: 2,
          addon: true,
        },
      ],
      ...common,
      category: 'network_unreachable',
      confidence: 0.72,
      title: 'Add-on {addon} lost its connection and does not get it back',
      rootCause:
        'A client inside the add-on lost its connection to the service it depends on (“{detail}”) — the MQTT broker, or Home Assistant through the Supervisor — and keeps failing instead of reconnecting, typically after that service restarted or updated. Restarting the add-on reconnects it.',
      impact:
        'What the add-on does through that connection (devices, flows) stops until it reconnects.',
      manualSteps: [
        'Restart the add-on (Settings → Add-ons → {addon} → Restart).',
        'If it happens after every restart of Home Assistant or the broker, update the add-on and report it to its maintainer.',
      ],
    },
    {
      // bashio reports a failed call to the Supervisor's API: at boot the add-on started
      // before the Supervisor could answer, and it runs half set up.
      id: 'supervisor_api_unready',
      match: { text: /Unknown HTTP error occur+ed/i, addon: true },
      ...common,
      confidence: 0.7,
      title: 'Add-on {addon} started before the Supervisor could answer it',
      rootCause:
        'The add-on’s start script could not get its settings from the Supervisor (“{detail}”), typically at boot while the Supervisor and Home Assistant are still starting. It runs without them (users, discovery) until it is restarted.',
      manualSteps: [
        'Restart the add-on once Home Assistant has fully started.',
        'If it happens at every boot, report it to the add-on’s maintainer with this log.',
      ],
    },
    {
      // bashio::exit.nok: the add-on's start script checked something and refused to go on.
      id: 'refused_to_start',
      // The Supervisor's own critical lines are its state, not an app's start script.
      match: { text: /\S/, minLevel: 'CRITICAL', addon: true, logger: /^(?!supervisor\b)/ },
      ...common,
      confidence: 0.7,
      // What to do is in the message: a setting to change, or a limit to live with.
      remedy: 'notify_only',
      actions: [],
      variants: [
        {
          when: {
            text: /\b(?:option|config(?:uration)?|setting|password|username|protection mode|disable|enable|set up|port)\b/i,
          },
          set: { remedy: 'fix_config_then_reload' as const },
        },
        settingUnusable,
        installFailed,
        unsupportedCpu,
        unsupportedSystem,
      ],
      title: 'Add-on {addon} refuses to start: {detail}',
      rootCause:
        'The add-on’s start script stopped with a fatal error (“{detail}”): it checks its configuration and environment before starting and says what is wrong. Restarting repeats the same check until that changes.',
      manualSteps: [
        'Read the add-on’s log: the FATAL lines say what to change (an option in its Configuration tab, protection mode, a missing device or password).',
        'Change that, then start the add-on again.',
      ],
    },
    {
      id: 'state_error',
      match: { kind: ['addon_state'], text: /\b(?:error|failed|unhealthy|stopped)\b/i },
      ...common,
      confidence: 0.75,
      variants: [ownConfig, restartsExhausted, unsupportedCpu],
      title: 'Add-on {addon} is not running',
      rootCause: 'The Supervisor reports {addon} as not running (“{detail}”).',
    },
  ],
};
