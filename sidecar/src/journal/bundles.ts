/**
 * Evidence bundles on disk: `INCIDENT_DIR/<incident-id>/bundle.json`. Paths are
 * only ever built from ids the sidecar generated, checked again here.
 */
import type { EvidenceBundle } from '@ha-llm-ops/contracts';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const INCIDENT_ID = /^inc_[0-9a-f]{32}$/;

/** True for ids the sidecar generates (and nothing a path could be made of). */
export function isIncidentId(id: string): boolean {
  return INCIDENT_ID.test(id);
}

export class BundleStore {
  constructor(private readonly dir: string) {}

  private folder(incidentId: string): string {
    if (!isIncidentId(incidentId))
      throw new Error(`not an incident id: ${JSON.stringify(incidentId)}`);
    return join(this.dir, incidentId);
  }

  /** Write atomically (a reader never sees half a bundle). */
  write(bundle: EvidenceBundle): void {
    const folder = this.folder(bundle.incident_id);
    mkdirSync(folder, { recursive: true });
    const tmp = join(folder, 'bundle.json.tmp');
    writeFileSync(tmp, `${JSON.stringify(bundle, null, 2)}\n`);
    renameSync(tmp, join(folder, 'bundle.json'));
  }

  read(incidentId: string): EvidenceBundle | null {
    try {
      return JSON.parse(
        readFileSync(join(this.folder(incidentId), 'bundle.json'), 'utf8'),
      ) as EvidenceBundle;
    } catch {
      return null;
    }
  }

  remove(incidentId: string): void {
    rmSync(this.folder(incidentId), { recursive: true, force: true });
  }
}
