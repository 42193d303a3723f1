/**
 * The app's build files and sidecar/config.yaml against the rules of the linter app repositories
 * run in CI (frenck/action-addon-linter); the keys and options themselves: addon-config.test.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const read = (path: string) => readFileSync(join(REPO, path), 'utf8');
const yaml = (path: string): unknown => parseYaml(read(path));

describe('the app build', () => {
  it('has no build.yaml: the Dockerfile holds the base image and the labels', () => {
    expect(existsSync(join(REPO, 'sidecar/build.yaml'))).toBe(false);
    const dockerfile = read('sidecar/Dockerfile');
    expect(dockerfile).toMatch(/^ARG BUILD_FROM=\S+$/m);
    expect(dockerfile).toMatch(/^LABEL io\.hass\.type="addon"/m);
    for (const label of ['title', 'description', 'source', 'licenses'])
      expect(dockerfile).toContain(`org.opencontainers.image.${label}=`);
  });
});

/**
 * The rules of the linter app repositories run in CI (frenck/action-addon-linter),
 * written out here: a key that restates the Supervisor's default, obsolete and
 * deprecated keys, and the combinations it refuses.
 */
describe('sidecar/config.yaml against the app linter', () => {
  /** The Supervisor's default for each key that has one (the linter's config schema). */
  const DEFAULTS: Record<string, unknown> = {
    advanced: false,
    apparmor: true,
    audio: false,
    auth_api: false,
    auto_uart: false,
    backup: 'hot',
    boot: 'auto',
    devicetree: false,
    docker_api: false,
    full_access: false,
    gpio: false,
    hassio_api: false,
    hassio_role: 'default',
    homeassistant: false,
    homeassistant_api: false,
    host_dbus: false,
    host_ipc: false,
    host_network: false,
    host_pid: false,
    host_uts: false,
    ingress: false,
    ingress_port: 8099,
    ingress_stream: false,
    init: true,
    journald: false,
    kernel_modules: false,
    legacy: false,
    options: {},
    panel_admin: true,
    panel_icon: 'mdi:puzzle',
    realtime: false,
    schema: {},
    stage: 'stable',
    startup: 'application',
    stdin: false,
    timeout: 10,
    tmpfs: false,
    uart: false,
    udev: false,
    ulimits: {},
    usb: false,
    video: false,
  };
  const raw = yaml('sidecar/config.yaml') as Record<string, unknown>;

  it('restates no default', () => {
    const restated = Object.keys(DEFAULTS).filter(
      (key) => key in raw && JSON.stringify(raw[key]) === JSON.stringify(DEFAULTS[key]),
    );
    expect(restated, 'should be removed, they use a default value').toEqual([]);
  });

  it('uses no obsolete or deprecated key (watchdog, codenotary, auto_uart) and no deprecated arch', () => {
    for (const key of ['watchdog', 'codenotary', 'auto_uart']) expect(raw).not.toHaveProperty(key);
    for (const arch of ['armhf', 'armv7', 'i386']) expect(raw.arch).not.toContain(arch);
  });

  it('keeps ingress consistent: no webui, a fixed port', () => {
    expect(raw.ingress).toBe(true);
    expect(raw).not.toHaveProperty('webui');
    expect(raw.ingress_port ?? 8099).not.toBe(0);
  });

  it('maps no legacy config folder, and no conflicting pair', () => {
    const map = (raw.map as string[] | undefined) ?? [];
    const names = map.map((m) => m.replace(/:r[wo]$/, ''));
    expect(names).not.toContain('config');
  });

  it('asks for no broad access the linter flags (full_access, privileged devices)', () => {
    expect(raw).not.toHaveProperty('full_access');
    expect(raw).not.toHaveProperty('devices');
    expect(raw.tmpfs === undefined || typeof raw.tmpfs === 'boolean').toBe(true);
  });

  it('leaves health to the image: a Docker HEALTHCHECK on the API instead of the watchdog key', () => {
    expect(read('sidecar/Dockerfile')).toMatch(/^HEALTHCHECK [\s\S]*?\/api\/health/m);
  });
});
