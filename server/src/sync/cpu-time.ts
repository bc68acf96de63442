/**
 * CPU time this process has used, in milliseconds (user + system, every thread). Cost limits
 * count CPU rather than wall time: on a busy machine wall time also counts the moments the OS
 * gave the core to someone else, and an honest update must not be refused for that. About a
 * microsecond per call (one getrusage), so callers read it per message, not per struct.
 */
export function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
