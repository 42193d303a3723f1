/** TLS certificates that fail verification; the fix depends on why. */
import type { ActionTemplate, Outcome, SignatureFamily } from '../types.js';

const reloadAfterFix: ActionTemplate = {
  action_id: 'reload_config_entry',
  params: { entry_id: '$entry_id' },
  rationale:
    'After the entry’s address or certificate setting is corrected: reload to connect right away.',
  risk: 'low',
  afterUserFix: true,
};

const common: Omit<
  Outcome,
  'title' | 'rootCause' | 'confidence' | 'remedy' | 'manualSteps' | 'actions'
> = {
  category: 'certificate',
  severity: 'error',
  impact: '{integration} cannot open a secure connection to {host}; its entities stay unavailable.',
  tests: [
    {
      kind: 'config_entry_loaded',
      description: 'The {integration} entry is loaded.',
      timeout_s: 600,
    },
    {
      kind: 'no_new_matching_errors',
      description: 'No new certificate errors from {integration}.',
      timeout_s: 1800,
    },
  ],
};

/**
 * A service on the internet: its certificate is not the user's to change. A custom integration's
 * own client that cannot verify it (an outdated CA bundle, a chain the service changed, a moved
 * endpoint) is fixed only by a release of that integration. Core integrations share Home
 * Assistant's maintained CA bundle, so an integration not known to be core counts as custom here.
 */
const cloudInCustom = {
  when: { publicHost: true, core: false },
  set: {
    remedy: 'update_or_remove_custom_component' as const,
    actions: [],
    rootCause:
      '{host} is a service on the internet, and {integration}, a custom integration, cannot verify the certificate it presents (“{detail}”): the integration’s own client trusts an outdated or incomplete set of certificate authorities, or the service changed its certificate or address and the integration has not followed.',
    manualSteps: [
      'Update {integration} (HACS → {integration} → Update): certificate and address changes of a service are fixed in the integration’s releases.',
      'If the latest release still fails, report it to the integration’s author with this error, and disable or remove the integration until it is fixed.',
    ],
  },
};

/** TLS certificates that fail verification, by reason. */
export const certificate: SignatureFamily = {
  family: 'certificate',
  signatures: [
    {
      id: 'name_mismatch',
      match: {
        text: /(?:hostname|IP address) mismatch|certificate is not valid for '(?<certname>[^']+)'|doesn't match (?:either of )?'(?<certname2>[^']+)'|ERR_TLS_CERT_ALTNAME_INVALID/i,
      },
      ...common,
      confidence: 0.88,
      remedy: 'fix_config_then_reload',
      variants: [
        {
          // A cloud service's name is not the user's to choose: the vendor's server (or
          // something on the way) presents a certificate for other names.
          when: { publicHost: true },
          set: {
            remedy: 'notify_only',
            actions: [],
            rootCause:
              '{host} is a service on the internet, and the certificate it presents is not issued for that name (“{detail}”): a fault of the service’s own servers, or something on the network (a filter, a captive portal) answering in its place.',
            manualSteps: [
              'Check the service’s status page or the integration’s issue tracker: a vendor’s certificate is fixed on its side, usually within hours.',
              'If only this network sees it, check for a DNS filter, proxy or captive portal answering for {host}.',
            ],
          },
        },
        cloudInCustom,
      ],
      title: 'The certificate of {host} does not match the address {integration} uses',
      rootCause:
        'The certificate {host} presents is issued for another name than the one {integration} connects to (“{detail}”) — typically connecting by IP address to a device whose certificate names its host name, or the reverse.',
      actions: [reloadAfterFix],
      manualSteps: [
        'Reconfigure the entry to use the name the certificate is issued for.',
        'Or, for a device on your own network, turn off certificate verification for this entry if it offers that option.',
      ],
    },
    {
      id: 'expired',
      match: {
        text: /certificate has expired|CERT_HAS_EXPIRED|certificate is not yet valid|certificate expired/i,
      },
      ...common,
      confidence: 0.88,
      remedy: 'check_network_or_device',
      variants: [
        {
          // A service on the internet renews its own certificate; no setting here changes it.
          when: { publicHost: true, text: /expired/i },
          set: {
            remedy: 'notify_only',
            rootCause:
              '{host} is a service on the internet, and the certificate it presents has expired (“{detail}”): its operator did not renew it in time. Nothing in Home Assistant fixes that.',
            manualSteps: [
              'Check the service’s status page or the integration’s issue tracker: the operator renews the certificate on its side, usually once told.',
              'If other devices reach {host} without a certificate error, check the date and time of the Home Assistant host: a wrong clock makes valid certificates look expired.',
            ],
          },
        },
      ],
      title: 'The certificate of {host} has expired',
      rootCause:
        'The TLS certificate {host} presents is outside its validity period (“{detail}”): it was not renewed, or the clock of the Home Assistant host or of {host} is wrong.',
      actions: [],
      manualSteps: [
        'Renew the certificate on {host} (its Let’s Encrypt/ACME job, or the vendor’s update).',
        'If the certificate is in fact valid, check the date and time of the Home Assistant host and of {host}: a wrong clock makes valid certificates look expired.',
      ],
    },
    {
      id: 'self_signed',
      match: {
        text: /self[- ]signed certificate|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN/i,
      },
      ...common,
      confidence: 0.86,
      remedy: 'fix_config_then_reload',
      title: '{host} uses a self-signed certificate that {integration} does not trust',
      rootCause:
        '{host} presents a self-signed certificate (“{detail}”), and {integration} verifies certificates, so the connection is refused.',
      actions: [reloadAfterFix],
      manualSteps: [
        'For a device on your own network, turn off “Verify SSL certificate” for this entry (Reconfigure), or give the device a certificate from a CA Home Assistant trusts.',
        'If verification is already off and the error continues, the integration ignores that setting: update Home Assistant, and report it if the latest release still fails.',
      ],
    },
    {
      id: 'wrong_protocol',
      match: {
        text: /WRONG_VERSION_NUMBER|wrong version number|http request to an https server|plain HTTP request was sent to HTTPS port|record layer failure/i,
      },
      ...common,
      confidence: 0.82,
      remedy: 'fix_config_then_reload',
      variants: [
        {
          // A cloud service speaks HTTPS on its port: whatever answered instead is in the way.
          when: { publicHost: true },
          set: {
            category: 'network_unreachable',
            remedy: 'check_network_or_device',
            actions: [],
            rootCause:
              'Something other than the service answered for {host} (“{detail}”): a wrong DNS answer, a proxy or a filter on the network.',
            manualSteps: [
              'Check the DNS server and any proxy or filter (Pi-hole, AdGuard, router) between Home Assistant and the internet.',
            ],
          },
        },
      ],
      title: '{integration} and {host} disagree about HTTPS',
      rootCause:
        '{integration} opens an HTTPS connection to a port where {host} speaks plain HTTP, or the reverse (“{detail}”).',
      actions: [reloadAfterFix],
      manualSteps: [
        'Turn the SSL/HTTPS option of the entry off (or on) to match the device, or use the port that serves the protocol you chose.',
      ],
    },
    {
      id: 'own_certificate_unreadable',
      match: {
        text: /Could not (?:read|load|use) SSL certificate|Failed to load SSL certificate|Failed to create ssl context|running in recovery mode with an emergency self signed ssl certificate|ssl_(?:certificate|key) .*(?:not found|does not exist|No such file)/i,
      },
      ...common,
      confidence: 0.9,
      remedy: 'fix_config_then_reload',
      title: 'Home Assistant cannot read its own SSL certificate',
      rootCause:
        'The ssl_certificate / ssl_key files configured under http: cannot be read (“{detail}”): the path is wrong, the files were not renewed yet, or the add-on that provides them (e.g. Let’s Encrypt) has not run.',
      impact:
        'The web server falls back or does not start: the UI and the app may be unreachable over HTTPS.',
      actions: [
        {
          action_id: 'restart_core',
          params: {},
          rationale:
            'Only after the certificate files exist at the configured paths: the web server loads them at startup.',
          risk: 'medium',
          afterUserFix: true,
        },
      ],
      manualSteps: [
        'Check the ssl_certificate and ssl_key paths under http: and that the files exist (e.g. /ssl/fullchain.pem).',
        'Run the add-on that creates them (Let’s Encrypt, DuckDNS) and check its log, then restart Home Assistant.',
      ],
    },
    {
      // Let's Encrypt could not check that this host controls the domain: over HTTP (port 80
      // must reach the add-on from the internet) or over DNS (the TXT record the DNS provider's
      // plugin sets, with the provider's credentials).
      id: 'acme_challenge_failed',
      match: {
        text: /\bCertbot failed to authenticate some domains\b|\bSome challenges have failed\b|\bTimeout during connect \(likely firewall problem\)|\bIncorrect TXT record [^\n]* found at _acme-challenge\.|\bNXDOMAIN looking up TXT for _acme-challenge\.|\bError determining zone_id\b|\bUnable to determine zone identifier for\b/,
      },
      ...common,
      confidence: 0.82,
      remedy: 'check_network_or_device',
      actions: [],
      variants: [
        {
          // The DNS challenge: the TXT record, or the provider's credentials to set it.
          when: { text: /_acme-challenge\.|\bzone_id\b|\bzone identifier\b/ },
          set: {
            remedy: 'fix_config_then_reload',
            rootCause:
              'Let’s Encrypt could not find the TXT record that proves the domain is yours (“{detail}”): the DNS provider’s plugin could not set it (wrong token or credentials, a token without rights on that zone), or the record has not spread yet.',
            manualSteps: [
              'Check the DNS provider’s token or credentials in the add-on’s configuration: the token needs rights to edit that zone’s records.',
              'Raise the propagation wait (`propagation_seconds`) if the provider is slow, then start the add-on again.',
            ],
          },
        },
      ],
      title: 'Let’s Encrypt could not check the domain',
      rootCause:
        'Let’s Encrypt could not reach this host to check that it controls the domain (“{detail}”): port 80 is not forwarded to it, a firewall or the provider blocks it, or the domain does not point at your public address.',
      impact:
        'No certificate is issued or renewed; once the current one expires, HTTPS access fails.',
      manualSteps: [
        'Check that the domain resolves to your public address and that port 80 on the router is forwarded to this host while the add-on runs.',
        'Or switch the add-on to the DNS challenge, which needs no open port.',
        'Start the add-on again; Let’s Encrypt limits failed attempts, so fix the cause first.',
      ],
    },
    {
      // An add-on's web server (nginx in a proxy add-on) whose certificate file is missing:
      // it was never issued or renewed, and the ACME challenge needs the host reachable.
      id: 'addon_certificate_missing',
      match: {
        text: /cannot load certificate(?: key)? "[^"]*"|\bUnable to load (?:server certificate|server key file|CA certificates)\b|\bServer certificate\/key are inconsistent\b|\bcan't stat '\/ssl\/[^']+': No such file or directory/i,
      },
      ...common,
      confidence: 0.86,
      remedy: 'check_network_or_device',
      actions: [],
      title: 'The web server cannot load its certificate: it was not issued',
      rootCause:
        'A web server cannot start because its certificate file does not exist (“{detail}”): the certificate was never issued or renewed. Issuing one (Let’s Encrypt) needs the domain to point at this host and ports 80/443 forwarded to it.',
      impact: 'The proxy or site behind that certificate does not answer over HTTPS.',
      manualSteps: [
        'Check that the domain resolves to your public address and that ports 80 and 443 are forwarded to this host.',
        'Request the certificate again in the add-on, then restart it.',
      ],
    },
    {
      id: 'verification_failed',
      match: {
        text: /CERTIFICATE_VERIFY_FAILED|certificate verify failed|SSLCertVerificationError|SSL handshake failed|unable to get local issuer certificate|UNABLE_TO_VERIFY_LEAF_SIGNATURE|\bSSLError\b|sslv3 alert|tlsv1 alert/i,
      },
      ...common,
      confidence: 0.84,
      remedy: 'notify_only',
      variants: [cloudInCustom],
      title: '{integration} cannot verify the certificate of {host}',
      rootCause:
        'The TLS certificate of {host} could not be verified (“{detail}”): it is issued by a certificate authority Home Assistant does not trust — typically a self-signed or private-CA certificate — or the integration does not honour its “verify SSL” setting.',
      actions: [],
      manualSteps: [
        'If the device uses a self-signed or private-CA certificate and the integration has a “Verify SSL certificate” option, turn it off for this entry or install the CA.',
        'If verification is already off and the error continues, the integration does not honour the setting: update Home Assistant, and report it if the latest release still fails.',
        'Find out which of the two applies before changing the configuration.',
      ],
    },
    {
      // OpenSSL's reason for a handshake it gave up on (`[SSL: WRONG_SIGNATURE_TYPE]`), when no
      // signature above knows it: the two ends' TLS settings do not meet.
      id: 'handshake_refused',
      match: { text: /\[SSL: (?<reason>[A-Z][A-Z0-9_]+)\]/ },
      ...common,
      confidence: 0.7,
      remedy: 'notify_only',
      actions: [],
      title: '{integration} cannot agree on a secure connection with {host}',
      rootCause:
        'The TLS handshake with {host} fails (“{detail}”): the server offers a certificate signature, protocol version or cipher that this Home Assistant’s OpenSSL no longer accepts, or asks for one it does not offer. An old or misconfigured server is the usual cause.',
      manualSteps: [
        'If {host} is a device of yours, update its firmware: newer firmware brings current TLS settings.',
        'If it is a public service, its TLS setup is its operator’s to fix; report it to the integration, which may work around it.',
      ],
    },
  ],
};
