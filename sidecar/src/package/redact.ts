/**
 * Redaction: what runs before anything is stored in an evidence bundle or sent
 * to a model. Secrets and personal data are replaced by stable placeholders
 * (`[TOKEN_1]`, `[IP_2]`): the same value always becomes the same placeholder
 * within one Redactor, so an explanation can still say "the host [IP_1] refused
 * the connection" and mean one host. Nothing here reads files: `secrets.yaml` is
 * never opened, and `!secret name` references are kept as they are.
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

/** Which kinds of personal data to redact besides secrets (all on by default). */
export interface RedactorOptions {
  ip?: boolean;
  mac?: boolean;
  location?: boolean;
  /**
   * Names a placeholder after its value (e.g. a keyed hash), so the same secret
   * gets the same placeholder everywhere, not only within one bundle. Without
   * it placeholders are numbered per Redactor.
   */
  label?: (kind: RedactionKind, value: string) => string;
}

const PLACEHOLDER = /^\[[A-Z_]+_[0-9a-z]+\]?$/;
/** Values that say "not set" rather than being a secret. */
const NOT_A_SECRET =
  /^(?:|null|none|nil|true|false|undefined|bearer|basic|digest|token|bot|\*+|redacted|\*\*redacted\*\*|<[^>]*>)$/i;
/** YAML tags that point elsewhere (`!secret name`): the name is not the secret. */
/** Keys inside a token object that describe it rather than being it. */
const METADATA_KEYS = new Set([
  'token_type',
  'type',
  'expires_at',
  'expires_in',
  'issued_at',
  'created_at',
  'scope',
  'scopes',
]);
const SECRET_REF = /^!(?:secret|env_var|include)\b/;
const SCHEME_PREFIX = /^(?:Bearer|Basic|Digest|Token|Bot)[ \t]+/;

// Key names, split into lower-case words (camelCase too), and the kind of value they hold.
const LAST_TWO: Record<string, RedactionKind> = {
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
const LAST_ONE: Record<string, RedactionKind> = {
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
const YAML_LINE = new RegExp(
  String.raw`^([ \t]*(?:-[ \t]+)?)(${KEY})([ \t]*:[ \t]+)([^'"\s#\[{][^\n]*)$`,
  'gm',
);
/** A key and its separator: `key=`, `key: `, `"key": `, `'key': `. Values are read only after sensitive keys. */
const KEY_SEPARATOR = new RegExp(String.raw`(?<![\w.-])(["']?)(${KEY})\1([ \t]*[:=][ \t]*)`, 'g');
/** The value after a sensitive key: quoted, or a run up to a delimiter (optionally after an auth scheme). */
const VALUE_AT =
  /(["'])((?:\\.|(?!\1)[^\\\n])*)(?:\1|(?=\n)|$)|\[([^[\]\n]{1,400})\]|((?:Bearer|Basic|Digest|Token|Bot)[ \t]+)?([^\s,;&'"{}[\]()]+)/y;
/** `password 'x'`: a quoted value after the word itself. */
const WORD_QUOTED =
  /\b(password|passphrase|api[ _-]?key|token|secret)(\s+)(["'])((?:\\.|(?!\3)[^\\\n])+)\3/gi;

const PRIVATE_KEY =
  /-----BEGIN [A-Z ]*PRIVATE KEY-----(?:[\s\S]*?-----END [A-Z ]*PRIVATE KEY-----|[\s\S]*$)/g;
// The scheme starts where no scheme character precedes it: from every `\b` inside
// `a.b.c…` the scheme run would rescan the rest of the text (quadratic).
const URL_CREDENTIALS =
  /(?<![a-z0-9+.-])([a-z][a-z0-9+.-]*:\/\/)([^\s:@/?#'"<>]+:[^\s@/?#'"<>]*)@/gi;
const AUTH_SCHEME = /\b(Bearer|Basic|Digest|Token|Bot)([ \t]+)([A-Za-z0-9\-._~+/]{8,}=*)/g;
const JWT = /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g;
/** Tokens whose vendor prefix gives them away. */
const VENDOR_TOKENS = [
  /\bsk-(?:proj-|ant-)?[A-Za-z0-9_-]{20,}/g, // OpenAI, Anthropic
  /\bgh[pousr]_[A-Za-z0-9]{30,}|\bgithub_pat_[A-Za-z0-9_]{30,}/g,
  /\bxox[abprs]-[A-Za-z0-9-]{10,}/g, // Slack
  /\bAIza[0-9A-Za-z_-]{35}/g, // Google
  /\bAKIA[0-9A-Z]{16}\b/g, // AWS
  /(?:(?<=\bbot)|(?<![\w:]))\d{8,10}:[A-Za-z0-9_-]{35}\b/g, // Telegram bots
  /\bya29\.[A-Za-z0-9_-]{20,}/g, // Google OAuth access tokens
];
/** Secret path segments: webhook ids and cloudhooks grant access on their own. */
const SECRET_PATH =
  /(\/api\/webhook\/|hooks\.nabu\.casa\/|discord(?:app)?\.com\/api\/webhooks\/\d+\/)([A-Za-z0-9_-]{8,})/g;
/** Query parameters that carry credentials: API keys, signatures, OAuth codes. */
const QUERY_SECRET =
  /([?&](?:key|apikey|api_key|auth|sig|signature|code|token|access_token|secret|password|pass|pwd)=)([^&#\s"'<>]+)/gi;
/** An OAuth authorization code in text (`code=4/0Aean…`): short, but it grants access. */
const OAUTH_CODE = /\b((?:authorization_|auth_)?code)(=)([A-Za-z0-9/_~+.-]{6,})/g;
/** A Wi-Fi network's name in quotes: `SSID "Smith Family"`. */
const SSID_WORD = /\b(SSID|Wi-?Fi network|network name)(\s*[:=]?\s*)(["'])([^"'\n]{1,32})\3/gi;
/** An international phone number (only with its `+`: other digit runs are too often ids). */
const PHONE = /(?<![\w+])\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5}(?![\w])/g;
/**
 * Dynamic-DNS and remote-access names: the label before the provider's domain is the home's own.
 * The label is bounded (DNS allows 63) so a long dotted run cannot make the scan quadratic.
 */
const PERSONAL_HOST =
  /(?<![a-z0-9-])([a-z0-9-]{1,63})(\.(?:duckdns\.org|ui\.nabu\.casa|no-ip\.(?:org|com|biz|info)|ddns\.net|hopto\.org|zapto\.org|myfritz\.net|synology\.me|dynu\.net|freeddns\.org|tplinkdns\.com|myqnapcloud\.com|dyndns\.org|asuscomm\.com|freeboxos\.fr|mooo\.com|duckdns\.de))\b/gi;
/** Entity ids that name a person: `person.jane_doe`, `notify.mobile_app_janes_phone`. */
const PERSON_ENTITY = /\b(person\.|notify\.mobile_app_)([a-z0-9_]+)\b/g;
const EMAIL = /(?<![\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g;
const MAC = /(?<![\w:-])[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4,6}[0-9A-Fa-f]{2}(?![\w:-])/g;
const EUI64 = /\b0x[0-9a-fA-F]{16}\b/g; // Zigbee IEEE addresses
const BARE_MAC = /(?<![0-9A-Za-z])(?<![0-9a-fA-F]{4}-)[0-9a-fA-F]{12}(?![0-9A-Za-z])/g; // shellyplus1pm-a8032ab12345
const OCTET = String.raw`(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)`;
const IPV4 = new RegExp(String.raw`(?<![\w.])(?:${OCTET}\.){3}${OCTET}(?![\w]|\.\d)`, 'g');
const H = '[0-9a-fA-F]{1,4}';
const IPV6 = new RegExp(
  String.raw`(?<![\w:.])(?:(?:${H}:){7}${H}|(?:${H}:){1,7}:(?:${H}(?::${H}){0,6})?|::${H}(?::${H}){0,6})(?:%\w+)?(?![\w:])`,
  'g',
);
const COORD_PAIR = /(?<![\w.])(-?\d{1,2}\.\d{4,})(\s*,\s*)(-?\d{1,3}\.\d{4,})(?![\w.])/g;
const COORD_WORD = /\b(latitude|longitude|lat|lon|lng)(\s+(?:of\s+|is\s+)?)(-?\d{1,3}\.\d+)/gi;
const SERIAL_WORD = /\b(S\/N|SN|serial(?: number| no\.?)?)\b([:#]?\s*)([A-Za-z0-9-]{6,})/gi;
const LONG_HEX = /(?<![0-9A-Za-z])[0-9a-fA-F]{16,}(?![0-9A-Za-z])/g;
const BASE64ISH = /(?<![A-Za-z0-9+_-])[A-Za-z0-9+_-]{32,}={0,2}(?![A-Za-z0-9+_-])/g;
const UPPER_SERIAL = /(?<![A-Za-z0-9])[A-Z0-9]{10,}(?![A-Za-z0-9])/g;
/** Home Assistant's own ids (config entries, contexts): generated, not personal, needed to correlate. */
const ULID = /^0[0-7][0-9A-HJKMNP-TV-Z]{24}$/;
const LOWER_SERIAL = /(?<![A-Za-z0-9_])[a-z0-9]{20,}(?![A-Za-z0-9_])/g;

const count = (s: string, re: RegExp): number => s.match(re)?.length ?? 0;
/** The product's own ids (`inc_…`, `prp_…`, `exe_…`): random, never personal, needed to follow a record. */
const isProductId = (s: string, at: number): boolean =>
  /^(?:inc|prp|exe)_$/.test(s.slice(at - 4, at));
/** Whether the character at `i` is a word character (`\w`); false outside the text. */
const isWordChar = (s: string, i: number): boolean => {
  const c = s.charCodeAt(i);
  return (
    (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 // 0-9 A-Z a-z _
  );
};
/** A YAML value without its trailing ` # comment` (found by a scan, not a backtracking pattern). */
const withoutComment = (value: string): string => {
  let at = value.search(/\s#/);
  if (at < 0) return value;
  while (at > 0 && /\s/.test(value[at - 1] ?? '')) at--;
  return value.slice(0, at);
};
/** The text without its trailing spaces and tabs (linear, unlike a regex anchored at the end). */
const trimBlanksEnd = (s: string): string => {
  let end = s.length;
  while (end > 0 && (s[end - 1] === ' ' || s[end - 1] === '\t')) end--;
  return s.slice(0, end);
};
const hasDigitAndLetter = (s: string): boolean => /\d/.test(s) && /[a-z]/i.test(s);
const KEEP_IP = /^(?:127\.|0\.0\.0\.0$|255\.)/;
const KEEP_IPV6 = new Set(['::1', '::']);

/**
 * Replaces secrets and personal data with stable placeholders. One instance per
 * incident bundle: placeholders are stable within it, and `counts` says what was
 * replaced.
 */
export class Redactor {
  private readonly options: Required<Omit<RedactorOptions, 'label'>> &
    Pick<RedactorOptions, 'label'>;
  private readonly placeholders = new Map<string, string>();
  private readonly numbers = new Map<RedactionKind, number>();
  private readonly tally: Record<string, number> = {};
  /** All values learned so far, longest first; rebuilt when a new one is learned. */
  private learned: string[] | null = null;

  constructor(options: RedactorOptions = {}) {
    this.options = {
      ip: options.ip ?? true,
      mac: options.mac ?? true,
      location: options.location ?? true,
      label: options.label,
    };
  }

  /** Replacements so far by kind (never the values). */
  get counts(): Readonly<Record<string, number>> {
    return { ...this.tally };
  }

  /** Redact secrets and personal data in a text by what they look like. */
  text(s: string): string {
    if (s === '') return s;
    // Order matters: whole blocks and URLs first, then values named by their key
    // (the key says what kind they are), then values recognised by their shape,
    // and last the values already learned, wherever else they appear.
    let t = s.replace(PRIVATE_KEY, (m) => this.mask('private_key', m));
    t = t.replace(
      URL_CREDENTIALS,
      (_m, scheme: string, creds: string) => `${scheme}${this.mask('url_credentials', creds)}@`,
    );
    t = t.replace(YAML_LINE, (m, indent: string, key: string, sep: string, rest: string) => {
      const kind = this.keyKind(key);
      if (!kind) return m;
      const value = trimBlanksEnd(rest);
      const v = withoutComment(value);
      const scheme = SCHEME_PREFIX.exec(v)?.[0] ?? '';
      if (!kind || !this.isSecretValue(v.slice(scheme.length))) return m;
      const masked = this.mask(kind, v.slice(scheme.length));
      return `${indent}${key}${sep}${scheme}${masked}${rest.slice(v.length)}`;
    });
    t = this.keyValues(t);
    t = t.replace(WORD_QUOTED, (m, word: string, sp: string, q: string, value: string) => {
      const kind = this.keyKind(word.replace(/\s+/g, '_'));
      return kind && this.isSecretValue(value)
        ? `${word}${sp}${q}${this.mask(kind, value)}${q}`
        : m;
    });
    t = t.replace(AUTH_SCHEME, (m, scheme: string, sp: string, value: string) =>
      /\d/.test(value) ||
      /=$/.test(value) ||
      (/[A-Z]/.test(value) && /[a-z]/.test(value) && value.length >= 16)
        ? `${scheme}${sp}${this.mask('token', value)}`
        : m,
    );
    t = t.replace(JWT, (m) => this.mask('token', m));
    for (const re of VENDOR_TOKENS) t = t.replace(re, (m) => this.mask('token', m));
    t = t.replace(
      SECRET_PATH,
      (_m, path: string, id: string) => `${path}${this.mask('token', id)}`,
    );
    t = t.replace(QUERY_SECRET, (m, key: string, value: string) =>
      this.isSecretValue(value) ? `${key}${this.mask('token', value)}` : m,
    );
    t = t.replace(OAUTH_CODE, (m, word: string, sep: string, value: string) =>
      /\d/.test(value) && /[A-Za-z]/.test(value) ? `${word}${sep}${this.mask('token', value)}` : m,
    );
    t = t.replace(SSID_WORD, (m, word: string, sep: string, q: string, name: string) =>
      PLACEHOLDER.test(name) ? m : `${word}${sep}${q}${this.mask('ssid', name)}${q}`,
    );
    t = t.replace(PHONE, (m) => {
      const digits = count(m, /\d/g);
      return digits >= 8 && digits <= 15 ? this.mask('phone', m) : m;
    });
    t = t.replace(PERSONAL_HOST, (m, name: string, provider: string) =>
      PLACEHOLDER.test(name) ? m : `${this.mask('host', name)}${provider}`,
    );
    t = t.replace(
      PERSON_ENTITY,
      (_m, prefix: string, name: string) => `${prefix}${this.mask('person', name)}`,
    );
    t = t.replace(EMAIL, (m) => this.mask('email', m));
    if (this.options.mac) {
      t = t.replace(MAC, (m) => this.mask('mac', m));
      t = t.replace(EUI64, (m) => this.mask('mac', m));
      t = t.replace(BARE_MAC, (m) => (hasDigitAndLetter(m) ? this.mask('mac', m) : m));
    }
    if (this.options.ip) {
      t = t.replace(IPV4, (m) => (KEEP_IP.test(m) ? m : this.mask('ip', m)));
      t = t.replace(IPV6, (m) => (KEEP_IPV6.has(m) ? m : this.mask('ip', m)));
    }
    if (this.options.location) {
      t = t.replace(COORD_PAIR, (m, lat: string, sep: string, lon: string) =>
        Math.abs(Number(lat)) <= 90 && Math.abs(Number(lon)) <= 180
          ? this.mask('location', `${lat}${sep}${lon}`)
          : m,
      );
      t = t.replace(
        COORD_WORD,
        (_m, word: string, sp: string, value: string) =>
          `${word}${sp}${this.mask('location', value)}`,
      );
    }
    t = t.replace(SERIAL_WORD, (m, word: string, sep: string, value: string) =>
      /\d/.test(value) ? `${word}${sep}${this.mask('serial', value)}` : m,
    );
    t = t.replace(LONG_HEX, (m, at: number, all: string) =>
      hasDigitAndLetter(m) && !isProductId(all, at)
        ? this.mask(m.length >= 40 ? 'token' : 'serial', m)
        : m,
    );
    t = t.replace(BASE64ISH, (m) =>
      /[A-Z]/.test(m) && /[a-z]/.test(m) && /\d/.test(m) ? this.mask('token', m) : m,
    );
    t = t.replace(UPPER_SERIAL, (m) =>
      count(m, /\d/g) >= 2 && count(m, /[A-Z]/g) >= 2 && !ULID.test(m) ? this.mask('serial', m) : m,
    );
    t = t.replace(LOWER_SERIAL, (m) =>
      count(m, /\d/g) >= 4 && count(m, /[a-z]/g) >= 4 ? this.mask('serial', m) : m,
    );
    return this.known(t);
  }

  /** Values after sensitive keys; ordinary keys never consume their value, so `a: b=c` still sees `b`. */
  private keyValues(t: string): string {
    let out = '';
    let from = 0;
    KEY_SEPARATOR.lastIndex = 0;
    for (let m = KEY_SEPARATOR.exec(t); m; m = KEY_SEPARATOR.exec(t)) {
      const kind = this.keyKind(m[2] ?? '');
      if (!kind) continue;
      const at = m.index + m[0].length;
      VALUE_AT.lastIndex = at;
      const v = VALUE_AT.exec(t);
      if (!v) continue;
      const [whole, quote, quoted, list, scheme, bare] = v;
      // A key as a list of bytes (`network_key: [1, 3, 5, …]`): the whole list is the secret.
      if (list !== undefined) {
        if (PLACEHOLDER.test(`[${list}]`) || !/\d|[A-Za-z]{2}/.test(list)) continue;
        out += `${t.slice(from, at)}[${this.mask(kind, list)}]`;
        from = at + whole.length;
        KEY_SEPARATOR.lastIndex = from;
        continue;
      }
      let raw = quoted ?? bare ?? '';
      let prefix = scheme ?? '';
      if (quote) {
        prefix = SCHEME_PREFIX.exec(raw)?.[0] ?? '';
        raw = raw.slice(prefix.length);
      }
      if (!this.isSecretValue(raw)) continue;
      const masked = this.mask(kind, raw);
      // A JSON number or literal under a quoted key stays valid JSON as a string.
      const q = quote ?? (m[1] === '"' && !scheme ? '"' : '');
      out += `${t.slice(from, at)}${q}${prefix}${masked}${q}`;
      from = at + whole.length;
      KEY_SEPARATOR.lastIndex = from;
    }
    return out + t.slice(from);
  }

  /**
   * Later occurrences of a secret already learned from a key (a password
   * repeated in free text). A plain scan per learned value, longest first, in
   * one pass over the text: no pattern is built from the values, so a value of
   * any length or count costs time in proportion to the text, never a regular
   * expression too large to compile.
   */
  private known(t: string): string {
    if (this.placeholders.size === 0) return t;
    this.learned ??= [...this.placeholders.keys()]
      .filter((v) => v.length >= 4)
      .sort((a, b) => b.length - a.length);
    const spans: [start: number, end: number, value: string][] = [];
    // Longer values are placed first, so a span that overlaps a new one covers
    // its first or last character: checking those two is enough.
    let covered: Uint8Array | null = null;
    for (const value of this.learned) {
      for (let at = t.indexOf(value); at >= 0; at = t.indexOf(value, at + 1)) {
        const end = at + value.length;
        if (isWordChar(t, at - 1) || isWordChar(t, end)) continue;
        if (covered && (covered[at] || covered[end - 1])) continue;
        covered ??= new Uint8Array(t.length);
        covered.fill(1, at, end);
        spans.push([at, end, value]);
      }
    }
    if (spans.length === 0) return t;
    spans.sort((a, b) => a[0] - b[0]);
    let out = '';
    let from = 0;
    for (const [start, end, value] of spans) {
      const placeholder = this.placeholders.get(value) ?? value;
      const kind = /^\[([A-Z_]+)_[0-9a-z]+\]$/.exec(placeholder)?.[1]?.toLowerCase() ?? 'secret';
      this.tally[kind] = (this.tally[kind] ?? 0) + 1;
      out += t.slice(from, start) + placeholder;
      from = end;
    }
    return out + t.slice(from);
  }

  /**
   * A redacted deep copy: strings are redacted by content, and every value under
   * a sensitive key (password, token, api_key, latitude, serial, …) becomes a
   * placeholder string whatever it looked like. Inside an object under such a
   * key (`token: {access_token, refresh_token, expires_at}`), strings are masked
   * too, except well-known metadata; numbers there (timestamps) are kept.
   */
  value<T>(v: T): T {
    return this.copy(v, null, false, new WeakMap()) as T;
  }

  private copy(
    v: unknown,
    kind: RedactionKind | null,
    direct: boolean,
    seen: WeakMap<object, unknown>,
  ): unknown {
    if (typeof v === 'string') {
      return kind && this.isSecretValue(v) ? this.mask(kind, v) : this.text(v);
    }
    if (typeof v === 'number' || typeof v === 'bigint') {
      return kind && direct ? this.mask(kind, String(v)) : v;
    }
    if (v === null || typeof v !== 'object') return v;
    const known = seen.get(v);
    if (known !== undefined) return known;
    if (v instanceof Date) return new Date(v.getTime());
    if (Array.isArray(v)) {
      const out: unknown[] = [];
      seen.set(v, out);
      for (const item of v) out.push(this.copy(item, kind, direct, seen));
      return out;
    }
    if (v instanceof Set) {
      const out = new Set<unknown>();
      seen.set(v, out);
      for (const item of v) out.add(this.copy(item, kind, direct, seen));
      return out;
    }
    const entries: [unknown, unknown][] = v instanceof Map ? [...v] : Object.entries(v);
    const out: Map<unknown, unknown> | Record<string, unknown> = v instanceof Map ? new Map() : {};
    seen.set(v, out);
    for (const [key, item] of entries) {
      const name = typeof key === 'string' ? key : String(key);
      const own = this.keyKind(name);
      const copied = own
        ? this.copy(item, own, true, seen)
        : this.copy(item, kind && !METADATA_KEYS.has(name) ? kind : null, false, seen);
      if (out instanceof Map) out.set(key, copied);
      else out[this.text(name)] = copied;
    }
    return out;
  }

  /** The kind a key holds, honouring the options (coordinates may be kept). */
  private keyKind(key: string): RedactionKind | null {
    const kind = sensitiveKeyKind(key);
    if (kind === 'location' && !this.options.location) return null;
    return kind;
  }

  private isSecretValue(value: string): boolean {
    const v = value.trim();
    return !NOT_A_SECRET.test(v) && !PLACEHOLDER.test(v) && !SECRET_REF.test(v);
  }

  /** The placeholder for a value: the same value always gets the same one. */
  private mask(kind: RedactionKind, value: string): string {
    this.tally[kind] = (this.tally[kind] ?? 0) + 1;
    const known = this.placeholders.get(value);
    if (known) return known;
    let suffix: string;
    if (this.options.label) suffix = this.options.label(kind, value);
    else {
      const n = (this.numbers.get(kind) ?? 0) + 1;
      this.numbers.set(kind, n);
      suffix = String(n);
    }
    const placeholder = `[${kind.toUpperCase()}_${suffix}]`;
    this.placeholders.set(value, placeholder);
    this.learned = null;
    return placeholder;
  }
}
