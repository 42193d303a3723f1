/** Child process of the ingest benchmark: run the replay server, report on stdout. */
import { startReplayServer, type StreamSpec } from './replay-server.js';

const spec = JSON.parse(process.argv[2] ?? '{}') as StreamSpec;
const bare = process.argv[3] === 'bare';
const server = await startReplayServer(spec, {
  bare,
  onStart: () => console.log(`START ${Date.now()}`),
});
console.log(`URL ${server.url}`);
const { ms, messages } = await server.sent;
console.log(`SENT ${ms.toFixed(1)} ${messages}`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
