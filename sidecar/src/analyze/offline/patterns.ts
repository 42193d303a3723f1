/**
 * Failure phrases several signature families share: how Python, aiohttp,
 * requests, pip and device libraries word a connection that failed. Kept in one
 * place so every family reads "a DNS failure" the same way.
 */
import facts from './core-facts.json' with { type: 'json' };

/** A host name that could not be resolved (glibc, musl, aiohttp, Node). */
export const DNS_FAILED =
  /(?<dns>\[Errno -[235]\][^\n,;)\]]*|Temporary failure in name resolution|Name or service not known|nodename nor servname provided|No address associated with hostname|Name does not resolve|getaddrinfo (?:failed|ENOTFOUND|EAI_AGAIN)|(?:Could not|Unable to|Cannot) resolve (?:host|hostname)|\bEAI_AGAIN\b|\bENOTFOUND\b|Non-recoverable failure in name resolution|DNS (?:lookup|resolution) failed|Failed to resolve(?! reference)|ClientConnectorDNSError|DNS server returned [^\n,;)\]]*|Timeout while resolving|lookup \S+(?: on \S+)?: (?:no such host|server misbehaving)|host not found in upstream|plugin\/loop: Loop \([^)\n]*\) detected|Error resolving IP address of \S+|lookup \S+ on \S+: (?:read|dial) udp [^\n]*?(?:connection refused|i\/o timeout))/i;

/** An HTTP server error with its reason: the server was reached and failed on its side. */
export const SERVER_ERROR =
  /\b50[0234]\b[^\n]{0,30}\b(?:Internal Server Error|Bad Gateway|Service (?:Temporarily )?Unavailable|Gateway Time-?out)\b/i;

/** A call that does not fit the function it calls: code written against another version of what it calls. */
export const CALL_MISMATCH =
  /unexpected keyword argument|missing \d+ required (?:positional|keyword-only) argument|takes \d+ positional arguments? but \d+ (?:positional arguments? (?:\([^)\n]*\) )?)?(?:were|was) given/;

/**
 * Python's own words for a programming error (an exception's message, without its class):
 * the code fails the same way however often it runs, whatever the device or network does.
 */
export const CODE_FAULT =
  /\b(?:list|tuple|string) index out of range\b|\breferenced before assignment\b|\bcannot access local variable\b|'NoneType' object (?:is not (?:subscriptable|iterable|callable)|has no attribute)|\bunsupported operand type\(s\)|\bcan only concatenate \w+ \(not|\bnot supported between instances of\b|\bdivision by zero\b/;

/** The Home Assistant host itself has no route out. */
export const NETWORK_UNREACHABLE =
  /Network is unreachable|Network is offline|ENETUNREACH|\[Errno 101\]/i;

/** Nothing at that address answers (a LAN device that is off, or a host without a route). */
export const HOST_UNREACHABLE =
  /No route to host|EHOSTUNREACH|\[Errno 113\]|Host is unreachable|Connect call failed|host unreachable/i;

/** Something answers, but refuses the connection: the service is not listening. */
export const REFUSED =
  /Connection refused|ECONNREFUSED|\[Errno 111\]|refused (?:the )?connection|Connection Refused: (?:broker|server) unavailable/i;

/** The peer did not answer in time. */
export const TIMEOUT =
  /\b(?:timed out|TimeoutError|Timeout(?:Error|Exception)?\b|ConnectTimeout\w*|ReadTimeout\w*|time-?out while|timeout (?:connecting|waiting|occurred|error))/i;

/** A failed connection or request, in the many ways libraries say it. */
export const CONNECTION_FAILED =
  /\b(?:Cannot connect to host|Failed to connect|Unable to connect|Could not connect|Couldn't connect|Can't connect|Cannot connect|Error connecting|Unable to reach|Could not reach|Connection (?:reset|aborted|lost|closed|failed|error)|Connection to [^\n]{1,40}? (?:lost|was interrupted)\b|ConnectionError|ClientConnectorError|ServerDisconnectedError|Error communicating with|error occurred while communicating|Error while communicating|communication error|communication failed|no longer in range|poor RSSI|unexpectedly disconnected|connection was (?:lost|reset)|closed the connection|A socket error occurred|ping (?:was )?not answered|no response received|did not respond|not responding|no response from|Device is unavailable|(?:device|camera) (?:is )?offline|(?:modules?|devices?|accessor(?:y|ies)|bridge|hub|gateway) (?:is |are |were |was )?(?:all )?unreachable|all modules unreachable|(?:may|might) be (?:removed or )?offline|\bconnect failed\b|went offline|All connection attempts failed|connection could not be established|Failed to establish (?:a )?new (?:\w+ )?connection|No data received from|Connection (?:is )?down\b|(?:Could not|Couldn't|Unable to|Cannot|Failed to) establish (?:a |the )?(?:\w+ )?connection|Connection to [^\n]{1,60}? failed\b|(?:Unable to|Could not|Couldn't|Cannot|Not able to) communicate with|error occurred communicating with|(?:Unable|Failed) to reach|Not able to connect|No connection to\b|connection failure|\bnetwork error\b|Error while connecting\b|Failed connecting\b|Connection test to [^\n]{1,60}? failed|Reconnect(?:ion)? attempt failed|Connection to [^\n]{1,40}? not available|\b(?:web)?socket error\b|Error reading from socket|Error from websocket\b|\bis disconnected\b|Attempts to \(re\)connect to [^\n]{1,40}? failed|An error occurred while requesting|Response payload is not completed|Connection broken: IncompleteRead|no close frame received or sent|Device with address \S+ was not found|failed to discover services|No backend with an available connection slot|(?:cannot|can't|could not|couldn't) be reached|Disconnected from [^\n]{1,60}? at (?:<[A-Z]+>|[\w.:-]+\.[\w.:-]+))/i;

/** Any of the above: the evidence says the other side could not be reached. */
export const UNREACHABLE = new RegExp(
  [DNS_FAILED, NETWORK_UNREACHABLE, HOST_UNREACHABLE, REFUSED, TIMEOUT, CONNECTION_FAILED]
    .map((re) => re.source.replace(/\(\?<\w+>/g, '('))
    .join('|'),
  'i',
);

/** The frontend's note that an action (a service call) failed, as it says it in English and Italian. */
export const ACTION_FAILED =
  /\bFailed to (?:perform the action|call service)\b|\bInvocazione del servizio \S+ non riuscita\b/;

/**
 * Home Assistant's update coordinator saying fetching works again (logged at INFO): what
 * failed before it came back by itself. Read as context, never as a failure.
 */
export const RECOVERED = /\bFetching [^\n]+ data recovered\b/;

/** Text made a literal part of a regular expression. */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The integrations page's state of an entry, in every language the frontend ships
 * (core-facts.json): a user pastes the card's "<state>: <reason>" in their own language.
 */
function entryState(state: keyof typeof facts.entry_states): RegExp {
  return new RegExp(
    `(?:^|\\n)(?:${facts.entry_states[state].map(escapeRegExp).join('|')})[.。]?(?::|$)`,
    'm',
  );
}
/** "Failed setup, will retry" as the integrations page says it, in any language. */
export const ENTRY_RETRYING = entryState('setup_retry');
/** "Failed to set up" as the integrations page says it, in any language. */
export const ENTRY_FAILED = entryState('setup_error');

/** A config entry (or platform) that HA will retry setting up (the log's words, or the UI's state text). */
export const NOT_READY = new RegExp(
  `${/not ready yet|Failed setup, will retry|\bsetting up\b[^\n]{0,60}\bwill retry\b|Retrying setup:|Retrying (?:setup )?in (?:background|\d+ seconds)|\bbut will retry later\b|ConfigEntryNotReady|PlatformNotReady/i.source}|${ENTRY_RETRYING.source}`,
  'im',
);

/** Loggers of automations and scripts: `homeassistant.components.automation.<object id>`. */
export const AUTOMATION_LOGGER = /^homeassistant\.components\.(automation|script)\.(\w+)/;

/** The automation or script entity a logger belongs to (`automation.porch`), or null. */
export function automationOfLogger(logger: string | null): string | null {
  const m = AUTOMATION_LOGGER.exec(logger ?? '');
  return m ? `${m[1]}.${m[2]}` : null;
}
