/** The memory breakdown loads what the shipped bundle loads at start, and nothing it loads lazily. */
import { describe, expect, it } from 'vitest';
import { modulesAtStart } from '../../scripts/bench/memory.js';

describe('the modules the bundle loads at start', () => {
  it('are its static npm imports, not node: built-ins nor lazy import()s', () => {
    const bundle = [
      'import { readFile } from "node:fs/promises";',
      'import express, { Router } from "express";',
      'import Database from "better-sqlite3";',
      'import { Auth,',
      '  createConnection } from "home-assistant-js-websocket";',
      'const sdk = () => import("openai");',
    ].join('\n');
    expect(modulesAtStart(bundle)).toEqual([
      'express',
      'better-sqlite3',
      'home-assistant-js-websocket',
    ]);
  });

  it('include the HTTP server and the journal in the shipped bundle, and not the LLM SDK', () => {
    const modules = modulesAtStart();
    expect(modules).toEqual(expect.arrayContaining(['express', 'better-sqlite3', 'ws']));
    expect(modules).not.toContain('openai');
  });
});
