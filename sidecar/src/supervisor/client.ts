/**
 * Client of the Supervisor REST API (add-on mode). Every answer is wrapped as
 * `{"result": "ok", "data": …}` or `{"result": "error", "message": …}`.
 */

/** The Supervisor refused a request or could not be reached. */
export class SupervisorError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** One issue of the resolution center. */
export interface ResolutionIssue {
  uuid: string;
  type: string;
  context: string;
  reference: string | null;
}

export interface ResolutionInfo {
  unsupported: string[];
  unhealthy: string[];
  issues: ResolutionIssue[];
  suggestions: {
    uuid: string;
    type: string;
    context: string;
    reference: string | null;
    auto: boolean;
  }[];
}

/** An installed add-on as listed by `/addons`. */
export interface AddonSummary {
  slug: string;
  name: string;
  version: string;
  state: 'started' | 'stopped' | 'error' | 'unknown' | string;
  update_available: boolean;
}

const TIMEOUT_MS = 15_000;

export class SupervisorClient {
  constructor(
    readonly url: string,
    private readonly token: string,
  ) {}

  private async request(
    method: string,
    path: string,
    body?: unknown,
    accept = 'application/json',
  ): Promise<Response> {
    let res: Response;
    try {
      res = await fetch(`${this.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          accept,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      throw new SupervisorError(0, `cannot reach the Supervisor at ${this.url}: ${String(err)}`);
    }
    if (!res.ok) {
      let message = `HTTP ${res.status}`;
      try {
        const j = (await res.json()) as { message?: string };
        if (j.message) message = `${message}: ${j.message}`;
      } catch {
        // not JSON
      }
      throw new SupervisorError(res.status, `Supervisor ${method} ${path} failed: ${message}`);
    }
    return res;
  }

  /** Call an endpoint and unwrap its `data`. */
  async call<T>(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const res = await this.request(method, path, body);
    const j = (await res.json()) as { result?: string; data?: T; message?: string };
    if (j.result !== 'ok')
      throw new SupervisorError(
        res.status,
        `Supervisor ${method} ${path}: ${j.message ?? 'error'}`,
      );
    return j.data as T;
  }

  /**
   * The last `lines` lines of a log endpoint (e.g. `/addons/<slug>/logs`), as plain text;
   * `verbose` adds the journal's timestamp, host and program to each line (host logs).
   */
  async logs(path: string, lines = 100, verbose = false): Promise<string> {
    const res = await this.request(
      'GET',
      `${path}?lines=${lines}&no_colors${verbose ? '&verbose' : ''}`,
      undefined,
      'text/plain',
    );
    return res.text();
  }

  resolutionInfo(): Promise<ResolutionInfo> {
    return this.call('GET', '/resolution/info');
  }

  async addons(): Promise<AddonSummary[]> {
    return (await this.call<{ addons: AddonSummary[] }>('GET', '/addons')).addons;
  }
}
