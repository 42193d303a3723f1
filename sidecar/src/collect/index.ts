/** The collectors; adding one is a module plus one line here. */
import { automationsCollector } from './automations.js';
import type { Collector } from './collector.js';
import { configEntriesCollector } from './config-entries.js';
import { entitiesCollector } from './entities.js';
import { repairsCollector } from './repairs.js';
import { supervisorCollector } from './supervisor.js';
import { systemLogCollector } from './system-log.js';

export const COLLECTORS: readonly Collector[] = [
  configEntriesCollector,
  systemLogCollector,
  repairsCollector,
  entitiesCollector,
  automationsCollector,
  supervisorCollector,
];
