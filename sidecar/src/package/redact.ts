/**
 * Redaction: what runs before anything is stored in an evidence bundle or sent
 * to a model. Secrets and personal data are replaced by stable placeholders
 * (`[TOKEN_1]`, `[IP_2]`): the same value always becomes the same placeholder
 * within one Redactor, so an explanation can still say "the host [IP_1] refused
 * the connection" and mean one host. Nothing here reads files: `secrets.yaml` is
 * never opened, and `!secret name` references are kept as they are.
 */
import {
  PLACEHOLDER,
  NOT_A_SECRET,
  METADATA_KEYS,
  SECRET_REF,
  SCHEME_PREFIX,
  sensitiveKeyKind,
  YAML_LINE,
  KEY_SEPARATOR,
  VALUE_AT,
  WORD_QUOTED,
  PRIVATE_KEY,
  URL_CREDENTIALS,
  AUTH_SCHEME,
  JWT,
  VENDOR_TOKENS,
  SECRET_PATH,
  QUERY_SECRET,
  OAUTH_CODE,
  QUOTED_CODE,
  WIFI_QR,
  BASE64_KEY,
  SSID_WORD,
  PHONE,
  PERSONAL_HOST,
  PERSON_ENTITY,
  EMAIL,
  MAC,
  EUI64,
  BARE_MAC,
  IPV4,
  IPV6,
  COORD_PAIR,
  COORD_WORD,
  SERIAL_WORD,
  LONG_HEX,
  BASE64ISH,
  UPPER_SERIAL,
  ULID,
  LOWER_SERIAL,
  count,
  isProductId,
  isWordChar,
  withoutComment,
  trimBlanksEnd,
  hasDigitAndLetter,
  KEEP_IP,
  KEEP_IPV6,
  type RedactionKind,
} from './redaction-patterns.js';

export { sensitiveKeyKind, type RedactionKind };

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
    t = t.replace(QUOTED_CODE, (m, key: string, value: string) =>
      /\d/.test(value) && /[A-Za-z]/.test(value) ? `${key}${this.mask('token', value)}` : m,
    );
    t = t.replace(WIFI_QR, (m, head: string, value: string) =>
      PLACEHOLDER.test(value) ? m : `${head}${this.mask('password', value)}`,
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
    t = t.replace(BASE64_KEY, (m) =>
      /[A-Z]/.test(m) && /[a-z]/.test(m) && /\d/.test(m) ? this.mask('secret', m) : m,
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
