/**
 * One Vite configuration for every front-end bundle: a single minified ES module without
 * source maps, everything (Lit included) inlined, written next to files that must stay.
 */
import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';
import { minifyTemplatesPlugin } from './minify-templates.js';

/** The repository's root directory. */
export const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** A bundle: its entry module and where the built file goes. */
export interface BundleSpec {
  /** Entry module, relative to the repository root. */
  entry: string;
  /** Output directory, relative to the repository root. */
  outDir: string;
  /** File name of the bundle. */
  fileName: string;
  /** Largest allowed size of the minified bundle, in bytes. */
  budget: number;
}

export const PANEL_BUNDLE: BundleSpec = {
  entry: 'panel/src/llm-ops-panel.ts',
  outDir: 'custom_components/llm_ops/frontend',
  fileName: 'llm-ops-panel.js',
  // 120 KiB before the English and German catalogs (shared + panel, ~35 KiB) were bundled in.
  budget: 160 * 1024,
};

export const INGRESS_BUNDLE: BundleSpec = {
  entry: 'panel/src/ingress/main.ts',
  outDir: 'sidecar/public',
  fileName: 'llm-ops-ingress.js',
  // 120 KiB before the English and German catalogs (shared + panel, ~35 KiB) were bundled in.
  budget: 160 * 1024,
};

export const CARDS_BUNDLE: BundleSpec = {
  entry: 'cards/src/llm-ops-cards.ts',
  outDir: 'custom_components/llm_ops/frontend',
  fileName: 'llm-ops-cards.js',
  // 60 KiB before the English and German catalogs (shared + cards, ~16 KiB) were bundled in.
  budget: 80 * 1024,
};

/** The Vite configuration that builds `spec` (into `outDir` instead, e.g. a temp dir). */
export function bundleConfig(spec: BundleSpec, outDir?: string): UserConfig {
  return {
    root: REPO,
    // Lit's production build even when another tool (vitest) set NODE_ENV=test.
    mode: 'production',
    resolve: { conditions: ['module', 'browser', 'production'] },
    logLevel: 'warn',
    publicDir: false,
    plugins: [minifyTemplatesPlugin()],
    // Lit's production build; no `process.env` in the browser.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      target: 'es2022',
      outDir: outDir ?? `${REPO}${spec.outDir}`,
      emptyOutDir: false,
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      copyPublicDir: false,
      modulePreload: false,
      rolldownOptions: {
        input: `${REPO}${spec.entry}`,
        preserveEntrySignatures: 'strict',
        output: {
          format: 'es',
          entryFileNames: spec.fileName,
          codeSplitting: false,
          // Keep the licence notices of what is bundled (Lit: BSD-3-Clause).
          comments: { legal: true, annotation: false, jsdoc: false },
        },
      },
    },
  };
}
