/**
 * What redaction looks for: the kinds of secret and personal data, the key names
 * that hold secrets, and the bounded, linear-time patterns that find values in
 * text. The Redactor (redact.ts) applies them.
 */

/** What a replacement was: counted per kind, never with its value. */
export type RedactionKind =
  | 'private_key'
  | 'url_credentials'
  | 'token'
  | 'api_key'
  | 'password'
  | 'secret'
  | 'username'
  | 'email'
  | 'mac'
  | 'ip'
  | 'location'
  | 'serial'
  | 'ssid'
  | 'phone'
  | 'host'
  | 'person';

export const PLACEHOLDER = /^\[[A-Z_]+_[0-9a-z]+\]?$/;
/** Values that say "not set" rather than being a secret. */
export const NOT_A_SECRET =
  /^(?:|null|none|nil|true|false|undefined|bearer|basic|digest|token|bot|\*+|redacted|\*\*redacted\*\*|<[^>]*>)$/i;
/** YAML tags that point elsewhere (`!secret name`): the name is not the secret. */
/** Keys inside a token object that describe it rather than being it. */
export const METADATA_KEYS = new Set([
  'token_type',
  'type',
  'expires_at',
  'expires_in',
  'issued_at',
  'created_at',
  'scope',
  'scopes',
]);
export const SECRET_REF = /^!(?:secret|env_var|include)\b/;
export const SCHEME_PREFIX = /^(?:Bearer|Basic|Digest|Token|Bot)[ \t]+/;

// Key names, split into lower-case words (camelCase too), and the kind of value they hold.
export const LAST_TWO: Record<string, RedactionKind> = {
  'api key': 'api_key',
  'access key': 'api_key',
  'app key': 'api_key',
  'master key': 'api_key',
  'private key': 'private_key',
  'secret key': 'secret',
  'client secret': 'secret',
  'webhook id': 'token',
  'cloudhook url': 'token',
  'session id': 'token',
  'ha access': 'password',
  'serial number': 'serial',
  'serial no': 'serial',
  'user name': 'username',
  // Radio network keys (Zigbee, Z-Wave S2, Thread), Tuya local keys, ESPHome API keys.
  'network key': 'secret',
  'local key': 'secret',
  'encryption key': 'secret',
  'link key': 'secret',
  'device key': 'secret',
  'auth key': 'secret',
  'shared key': 'secret',
  'phone number': 'phone',
  'mobile number': 'phone',
};
export const LAST_ONE: Record<string, RedactionKind> = {
  password: 'password',
  passwd: 'password',
  pwd: 'password',
  pw: 'password',
  pass: 'password',
  passphrase: 'password',
  passcode: 'password',
  pin: 'password',
  pincode: 'password',
  token: 'token',
  authorization: 'token',
  cookie: 'token',
  jwt: 'token',
  signature: 'token',
  csrftoken: 'token',
  csrf: 'token',
  xsrf: 'token',
  credentials: 'secret',
  credential: 'secret',
  secret: 'secret',
  apikey: 'api_key',
  appid: 'api_key',
  username: 'username',
  email: 'email',
  latitude: 'location',
  longitude: 'location',
  lat: 'location',
  lon: 'location',
  lng: 'location',
  coordinates: 'location',
  gps: 'location',
  serial: 'serial',
  serialnumber: 'serial',
  imei: 'serial',
  imsi: 'serial',
  iccid: 'serial',
  psk: 'password',
  ssid: 'ssid',
  phone: 'phone',
  telephone: 'phone',
  mobile: 'phone',
  msisdn: 'phone',
};

/** The kind of secret a key name holds, or null for an ordinary key. */
export function sensitiveKeyKind(key: string): RedactionKind | null {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[_.\-\s]+/)
    .filter(Boolean);
  const last = words.at(-1);
  if (!last) return null;
  const lastTwo = words.slice(-2).join(' ');
  return LAST_TWO[lastTwo] ?? LAST_ONE[last] ?? null;
}

const KEY = String.raw`[A-Za-z][\w.-]{0,63}`;
/**
 * A YAML-style `key: value` line: the value runs to the end of the line (its
 * trailing blanks are split off in code: a lazy run before `[ \t]*$` would
 * backtrack quadratically on a line of blanks).
 */
export const YAML_LINE = new RegExp(
  String.raw`^([ \t]*(?:-[ \t]+)?)(${KEY})([ \t]*:[ \t]+)([^'"\s#\[{][^\n]*)$`,
  'gm',
);
/** A key and its separator: `key=`, `key: `, `"key": `, `'key': `. Values are read only after sensitive keys. */
export const KEY_SEPARATOR = new RegExp(
  String.raw`(?<![\w.-])(["']?)(${KEY})\1([ \t]*[:=][ \t]*)`,
  'g',
);
/** The value after a sensitive key: quoted, or a run up to a delimiter (optionally after an auth scheme). */
export const VALUE_AT =
  /(["'])((?:\\.|(?!\1)[^\\\n])*)(?:\1|(?=\n)|$)|\[([^[\]\n]{1,400})\]|((?:Bearer|Basic|Digest|Token|Bot)[ \t]+)?([^\s,;&'"{}[\]()]+)/y;
/** `password 'x'`: a quoted value after the word itself. */
export const WORD_QUOTED =
  /\b(password|passphrase|api[ _-]?key|token|secret)(\s+)(["'])((?:\\.|(?!\3)[^\\\n])+)\3/gi;

export const PRIVATE_KEY =
  /-----BEGIN [A-Z ]*PRIVATE KEY-----(?:[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----|[\s\S]*$)/g;
// The scheme starts where no scheme character precedes it: from every `\b` inside
// `a.b.c…` the scheme run would rescan the rest of the text (quadratic).
export const URL_CREDENTIALS =
  /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)([^\s:@/?#'"<>]+:[^\s@/?#'"<>]*)@/gi;
export const AUTH_SCHEME = /\b(Bearer|Basic|Digest|Token|Bot)([ \t]+)([A-Za-z0-9\-._~+/]{8,}=*)/g;
export const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
/** Tokens whose vendor prefix gives them away. */
export const VENDOR_TOKENS = [
  /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/g, // OpenAI, Anthropic
  /\bgh[pousr]_[A-Za-z0-9]{30,}|\bgithub_pat_[A-Za-z0-9_]{30,}/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/g, // Slack
  /\bAIza[0-9A-Za-z_-]{35}/g, // Google
  /\bAKIA[0-9A-Z]{16}\b/g, // AWS
  /(?:(?<=\bbot)|(?<![\w:]))\d{8,10}:[A-Za-z0-9_-]{35}\b/g, // Telegram bots
  /\bya29\.[A-Za-z0-9_-]{20,}/g, // Google OAuth access tokens
];
/** Secret path segments: webhook ids and cloudhooks grant access on their own. */
export const SECRET_PATH =
  /(\/api\/webhook\/|hooks\.nabu\.casa\/|discord(?:app)?\.com\/api\/webhooks\/\d+\/)([A-Za-z0-9_-]{8,})/g;
/** Query parameters that carry credentials: API keys, signatures, OAuth codes. */
export const QUERY_SECRET =
  /([?&](?:key|apikey|api_key|auth|sig|signature|code|token|access_token|secret|password|pass|pwd)=)([^&#\s"'<>]+)/gi;
/** An OAuth authorization code in text (`code=4/0Aean…`): short, but it grants access. */
export const OAUTH_CODE = /\b((?:authorization_|auth_)?code)(=)([A-Za-z0-9/_~+.-]{6,})/g;
/** The same code under a quoted key in JSON or a dict (`"code": "…"`): long, unlike error codes. */
export const QUOTED_CODE =
  /(["'](?:authorization_|auth_)?code["'][ \t]*:[ \t]*["'])([A-Za-z0-9/_~+.-]{16,})(?=["'])/g;
/** The password in a Wi-Fi QR payload (`WIFI:S:name;T:WPA;P:password;;`). */
export const WIFI_QR = /(\bWIFI:(?:[A-Z]:(?:\\.|[^;\\\n])*;)*?P:)((?:\\.|[^;\\\n])+)/g;
/** A Wi-Fi network's name in quotes: `SSID "Smith Family"`. */
export const SSID_WORD =
  /\b(SSID|Wi-?Fi network|network name)(\s*(?:[:=]\s*)?)(["'])([^"'\n]{1,32})\3/gi;
/** An international phone number (only with its `+`: other digit runs are too often ids). */
export const PHONE = /(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5}(?![\w])/g;
/**
 * Dynamic-DNS and remote-access names: the label before the provider's domain is the home's own.
 * The label is bounded (DNS allows 63) so a long dotted run cannot make the scan quadratic.
 */
export const PERSONAL_HOST =
  /(?<![a-z0-9-])([a-z0-9-]{1,63})(\.(?:duckdns\.org|ui\.nabu\.casa|no-ip\.(?:org|com|biz|info)|ddns\.net|hopto\.org|zapto\.org|myfritz\.net|synology\.me|dynu\.net|freeddns\.org|tplinkdns\.com|myqnapcloud\.com|dyndns\.org|asuscomm\.com|freeboxos\.fr|mooo\.com|duckdns\.de))\b/gi;
/** Entity ids that name a person: `person.jane_doe`, `notify.mobile_app_janes_phone`. */
export const PERSON_ENTITY = /\b(person\.|notify\.mobile_app_)([a-z0-9_]+)\b/g;
export const EMAIL =
  /(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;
export const MAC =
  /(?<![\w:-])[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4,6}[0-9A-Fa-f]{2}(?![\w:-])/g;
export const EUI64 = /\b0x[0-9a-fA-F]{16}\b/g; // Zigbee IEEE addresses
export const BARE_MAC = /(?<![0-9A-Za-z])(?<![0-9a-fA-F]{4}-)[0-9a-fA-F]{12}(?![0-9A-Za-z])/g; // shellyplus1pm-a8032ab12345
const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
export const IPV4 = new RegExp(String.raw`(?<![\w.])(?:${OCTET}\.){3}${OCTET}(?![\w]|\.\d)`, 'g');
const H = '[0-9a-fA-F]{1,4}';
export const IPV6 = new RegExp(
  String.raw`(?<![\w:.])(?:(?:${H}:){7}${H}|(?:${H}:){1,7}:(?:${H}(?::${H}){0,6})?|::${H}(?::${H}){0,6})(?:%\w+)?(?![\w:])`,
  'g',
);
export const COORD_PAIR = /(?<![\w.])(-?\d{1,2}\.\d{4,})(\s*,\s*)(-?\d{1,3}\.\d{4,})(?![\w.])/g;
export const COORD_WORD =
  /\b(latitude|longitude|lat|lon|lng)(\s+(?:of\s+|is\s+)?)(-?\d{1,3}\.\d+)/gi;
export const SERIAL_WORD = /\b(S\/N|SN|serial(?: number| no\.?)?)\b([:#]?\s*)([A-Za-z0-9-]{6,})/gi;
export const LONG_HEX = /(?<![0-9A-Za-z])[0-9a-fA-F]{16,}(?![0-9A-Za-z])/g;
/** A 32-byte key in standard base64 (ESPHome API keys, WireGuard keys): `/` and the `=` included. */
export const BASE64_KEY = /(?<![A-Za-z0-9+/_=-])[A-Za-z0-9+/]{43}=(?![A-Za-z0-9+/=_-])/g;
export const BASE64ISH = /(?<![A-Za-z0-9+_-])[A-Za-z0-9+_-]{32,}={0,2}(?![A-Za-z0-9+_-])/g;
export const UPPER_SERIAL = /(?<![A-Za-z0-9])[A-Z0-9]{10,}(?![A-Za-z0-9])/g;
/** Home Assistant's own ids (config entries, contexts): generated, not personal, needed to correlate. */
export const ULID = /^0[0-7][0-9A-HJKMNP-TV-Z]{24}$/;
export const LOWER_SERIAL = /(?<![A-Za-z0-9_])[a-z0-9]{20,}(?![A-Za-z0-9_])/g;

export const count = (s: string, re: RegExp): number => s.match(re)?.length ?? 0;
/** The product's own ids (`inc_…`, `prp_…`, `exe_…`): random, never personal, needed to follow a record. */
export const isProductId = (s: string, at: number): boolean =>
  /^(?:inc|prp|exe)_$/.test(s.slice(at - 4, at));
/** Whether the character at `i` is a word character (`\w`); false outside the text. */
export const isWordChar = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 // 0-9 A-Z a-z _
  );
};
/** A YAML value without its trailing ` # comment` (found by a scan, not a backtracking pattern). */
export const withoutComment = (value: string): string => {
  let at = value.search(/\s#/);
  if (at < 0) return value;
  while (at > 0 && /\s/.test(value[at - 1] ?? '')) at--;
  return value.slice(0, at);
};
/** The text without its trailing spaces and tabs (linear, unlike a regex anchored at the end). */
export const trimBlanksEnd = (s: string): string => {
  let end = s.length;
  while (end > 0 && (s[end - 1] === ' ' || s[end - 1] === '\t')) end--;
  return s.slice(0, end);
};
export const hasDigitAndLetter = (s: string): boolean => /\d/.test(s) && /[a-z]/i.test(s);
export const KEEP_IP = /^(?:127\.|0\.0\.0\.0$|255\.)/;
export const KEEP_IPV6 = new Set(['::1', '::']);
