/**
 * The signature knowledge base: one family per file, one line each. Order
 * matters only for ties in confidence: the family listed first wins.
 */
import type { SignatureFamily } from '../types.js';
import { addon } from './addon.js';
import { auth } from './auth.js';
import { automation } from './automation.js';
import { benign } from './benign.js';
import { blockingIo } from './blocking-io.js';
import { certificate } from './certificate.js';
import { command } from './command.js';
import { config } from './config.js';
import { conversation } from './conversation.js';
import { coordinator } from './coordinator.js';
import { core } from './core.js';
import { customComponent } from './custom-component.js';
import { database } from './database.js';
import { dependency } from './dependency.js';
import { firmware } from './firmware.js';
import { host } from './host.js';
import { logFlood } from './log-flood.js';
import { mqtt } from './mqtt.js';
import { music } from './music.js';
import { network } from './network.js';
import { proxy } from './proxy.js';
import { rateLimit } from './rate-limit.js';
import { repairs } from './repairs.js';
import { resources } from './resources.js';
import { security } from './security.js';
import { setup } from './setup.js';
import { slowUpdate } from './slow-update.js';
import { supervisor } from './supervisor.js';
import { tailscale } from './tailscale.js';

export const FAMILIES: readonly SignatureFamily[] = [
  proxy,
  security,
  rateLimit,
  auth,
  certificate,
  database,
  resources,
  core,
  dependency,
  customComponent,
  blockingIo,
  config,
  command,
  mqtt,
  firmware,
  automation,
  conversation,
  addon,
  music,
  tailscale,
  host,
  setup,
  network,
  slowUpdate,
  coordinator,
  logFlood,
  repairs,
  supervisor,
  benign,
];
