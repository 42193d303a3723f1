/**
 * The sentences the entities collector says about outages, in one place so they can be
 * translated together.
 */

/** An outage's signal while it lasts: the root and how many devices went down with it. */
export const outageActive = (root: string, devices: number): string =>
  `${root} is down: ${devices} ${devices === 1 ? 'device is' : 'devices are'} unavailable`;

/** An outage's signal once every device behind the root reports again. */
export const outageCleared = (root: string): string => `the devices of ${root} report again`;

/** Logged when a group's entities are available again but none of its devices reported yet. */
export const awaitingReports = (name: string, entities: number): string =>
  `${name}: ${entities} ${entities === 1 ? 'entity is' : 'entities are'} available again, waiting for ${entities === 1 ? 'it' : 'them'} to report`;
