// A CPU quota for one process, so the bench can give each server instance a fixed share of a
// core, as if it ran on a small machine of its own (instances.ts, the growth search): on one
// 2-core machine two uncapped instances, PostgreSQL, Redis and the clients all take from the
// same cores, and how much one instance carries depends on what the others leave it.
//
// Linux CFS bandwidth control in a cgroup of the process's own (the kernel's
// Documentation/scheduler/sched-bwc.rst): every `PERIOD_US` the process may run `cores ×
// PERIOD_US` of CPU, summed over its threads (its worker threads and libuv's pool too; new
// threads start in their process's cgroup). Needs a writable cgroup file system (root):
// cgroup v2 (`cpu.max`) or v1's cpu controller (`cpu.cfs_quota_us`).
import { existsSync, mkdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = '/sys/fs/cgroup';
/**
 * 10 ms: a throttled process waits at most the rest of a period, so a short one keeps an
 * instance's latency smooth at its quota (the kernel's default, 100 ms, would put up to
 * 100 ms stalls into every p99).
 */
const PERIOD_US = 10_000;

/** Where the cpu controller lives, or undefined when this machine offers none (or not to us). */
function controller(): { dir: string; limit: (group: string, quotaUs: number) => void } | undefined {
  if (existsSync(join(ROOT, 'cgroup.controllers'))) {
    return {
      dir: ROOT,
      limit: (group, quotaUs) => writeFileSync(join(group, 'cpu.max'), `${quotaUs} ${PERIOD_US}`),
    };
  }
  if (existsSync(join(ROOT, 'cpu', 'cpu.cfs_quota_us'))) {
    return {
      dir: join(ROOT, 'cpu'),
      limit: (group, quotaUs) => {
        writeFileSync(join(group, 'cpu.cfs_period_us'), String(PERIOD_US));
        writeFileSync(join(group, 'cpu.cfs_quota_us'), String(quotaUs));
      },
    };
  }
  return undefined;
}

/**
 * Limits process `pid`, all its threads, to `cores` of CPU (0.5: half a core) until the
 * returned function is called (which moves it back and removes the group; safe after the
 * process exited). Throws when the machine cannot (no cgroup file system, not root): the
 * caller says the figure was not taken that way.
 */
export function capCpu(pid: number, cores: number): () => void {
  const cpu = controller();
  if (!cpu) throw new Error('no cgroup cpu controller on this machine');
  const group = join(cpu.dir, `twofold-bench-${pid}`);
  mkdirSync(group);
  try {
    cpu.limit(group, Math.round(cores * PERIOD_US));
    writeFileSync(join(group, 'cgroup.procs'), String(pid));
  } catch (error) {
    rmdirSync(group);
    throw error;
  }
  return () => {
    try {
      writeFileSync(join(cpu.dir, 'cgroup.procs'), String(pid));
    } catch {
      // The process has exited: the group is empty already.
    }
    rmdirSync(group);
  };
}
