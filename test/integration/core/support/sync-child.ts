/**
 * Runs one sync in a separate process so a test can SIGKILL it mid-way,
 * the way a crash or a force-quit would. Args: <dataDir> <apiUrl> <token>.
 */
import { apiClient, openHarness } from './core-harness';

const [dataDir, apiUrl, token] = process.argv.slice(2);
if (!dataDir || !apiUrl || !token) throw new Error('usage: sync-child <dataDir> <apiUrl> <token>');
const harness = openHarness(dataDir, apiClient(apiUrl, token), { pageSizes: { clients: 5, ledger: 15 } });
process.stdout.write('started\n');
await harness.engine.syncNow();
await harness.close();
process.stdout.write('finished\n');
