/** The Supervisor's resolution-center issues, as the collector words them (signatures/supervisor.ts). */
import { input, line } from '../helpers.js';
import { c, recognises } from './cases.js';

const issue = (type: string, context: string, reference?: string) =>
  input(
    'hassio',
    [
      line(
        `Supervisor reports ${type} in ${context}${reference ? ` (${reference})` : ''}`,
        'WARNING',
      ),
    ],
    {
      kind: 'supervisor_issue',
      subject: reference && context === 'addon' ? `addon:${reference}` : `supervisor:${type}`,
    },
  );

recognises('supervisor', [
  c(
    'a network storage that cannot be mounted',
    input('hassio', [
      line(
        'Mounting HABackups did not succeed. Check host logs for errors from mount or systemd unit mnt-data-supervisor-mounts-HABackups.mount for details.',
        'ERROR',
        'supervisor.mounts.mount',
      ),
    ]),
    'supervisor.mount_failed',
    'device_unavailable',
    'check_network_or_device',
  ),
  c(
    'a Supervisor job blocked while a backup freezes the system',
    input('hassio', [
      line(
        "'Supervisor.restart' blocked from execution, system is not running - CoreState.FREEZE",
        'WARNING',
        'supervisor.jobs',
      ),
    ]),
    'supervisor.job_blocked',
    'other',
    'notify_only',
  ),
  c(
    'a Supervisor job blocked for lack of an internet connection',
    input('hassio', [
      line('‘AddonManager.install’ blocked from execution, no host internet connection', 'UNKNOWN'),
    ]),
    'supervisor.job_blocked',
    'network_unreachable',
    'check_network_or_device',
  ),
  c(
    'an app that failed to start at boot',
    issue('boot_fail', 'addon', 'core_mosquitto'),
    'supervisor.addon_boot_fail',
    'addon_crash',
    'restart_addon',
  ),
  c(
    'a DNS server that fails',
    issue('dns_server_failed', 'dns_server'),
    'supervisor.network',
    'network_unreachable',
    'check_network_or_device',
  ),
  c(
    'Docker Hub’s rate limit',
    issue('docker_ratelimit', 'system'),
    'supervisor.docker_ratelimit',
    'rate_limited',
    'notify_only',
  ),
  c(
    'any other issue',
    issue('corrupt_docker', 'system'),
    'supervisor.issue',
    'other',
    'notify_only',
  ),
]);
