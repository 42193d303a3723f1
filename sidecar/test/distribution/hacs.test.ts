/**
 * What HACS reads: hacs.json (keys of the HACS publishing docs), the keys it
 * requires in the integration's manifest, the README it renders, and the brand
 * images Home Assistant serves for custom integrations (brand/, HA 2026.3+).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { readPng } from './png.js';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const json = (path: string): unknown => JSON.parse(readFileSync(join(REPO, path), 'utf8'));
const INTEGRATION = 'custom_components/llm_ops';

/** hacs.json: every documented key; nothing else. */
const HacsJson = v.strictObject({
  name: v.pipe(v.string(), v.minLength(1)),
  content_in_root: v.optional(v.boolean()),
  zip_release: v.optional(v.boolean()),
  filename: v.optional(v.string()),
  hide_default_branch: v.optional(v.boolean()),
  country: v.optional(v.union([v.string(), v.array(v.string())])),
  homeassistant: v.optional(v.pipe(v.string(), v.regex(/^\d{4}\.\d{1,2}\.\d+(?:b\d+)?$/))),
  hacs: v.optional(v.string()),
  persistent_directory: v.optional(v.string()),
  render_readme: v.optional(v.boolean()),
  readme_languages: v.optional(v.array(v.string())),
});

/** The manifest keys HACS requires (it tolerates the others hassfest knows). */
const HacsManifest = v.object({
  domain: v.pipe(v.string(), v.regex(/^[a-z0-9_]+$/)),
  name: v.pipe(v.string(), v.minLength(1)),
  documentation: v.pipe(v.string(), v.url(), v.startsWith('https://')),
  issue_tracker: v.pipe(v.string(), v.url(), v.startsWith('https://')),
  codeowners: v.pipe(
    v.array(v.pipe(v.string(), v.regex(/^@[\w-]+(?:\/[\w-]+)?$/))),
    v.minLength(1),
  ),
  // AwesomeVersion-compatible; a release uses plain semantic versions.
  version: v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/)),
});

function valid<S extends v.GenericSchema>(
  schema: S,
  data: unknown,
  file: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, data);
  if (!result.success)
    throw new Error(
      `${file}: ${result.issues.map((i) => `${v.getDotPath(i) ?? '(root)'}: ${i.message}`).join('; ')}`,
    );
  return result.output;
}

describe('HACS', () => {
  it('hacs.json names the integration, its minimum HA and renders the README', () => {
    const hacs = valid(HacsJson, json('hacs.json'), 'hacs.json');
    expect(hacs).toMatchObject({
      name: 'LLM Ops',
      homeassistant: '2026.11.0',
      render_readme: true,
    });
    expect(hacs.content_in_root ?? false).toBe(false);
    expect(existsSync(join(REPO, 'README.md'))).toBe(true);
  });

  it('the manifest has every key HACS requires, for the one integration in custom_components', () => {
    const manifest = valid(HacsManifest, json(`${INTEGRATION}/manifest.json`), 'manifest.json');
    expect(manifest.domain).toBe('llm_ops');
    expect(manifest.issue_tracker.startsWith(manifest.documentation)).toBe(true);
  });

  it('the integration is released with the version of the sidecar it talks to', () => {
    const manifest = json(`${INTEGRATION}/manifest.json`) as { version: string };
    const sidecar = json('sidecar/package.json') as { version: string };
    expect(manifest.version).toBe(sidecar.version);
  });

  it('ships brand images: icon 256×256, icon@2x 512×512 and a landscape logo', () => {
    const brand = (f: string) => readPng(join(REPO, INTEGRATION, 'brand', f));
    expect(brand('icon.png')).toMatchObject({ width: 256, height: 256 });
    expect(brand('icon@2x.png')).toMatchObject({ width: 512, height: 512 });
    const logo = brand('logo.png');
    expect(logo.width).toBeGreaterThan(logo.height);
    // Brand guidelines: the logo's shortest side is 128–256 px.
    expect(logo.height).toBeGreaterThanOrEqual(128);
    expect(logo.height).toBeLessThanOrEqual(256);
  });
});
