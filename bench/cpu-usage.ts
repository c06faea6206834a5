/**
 * CPU time from /proc (Linux), so a bench on a shared machine can say who used the cores while it ran: its own
 * servers, PostgreSQL, and everything else. Each function returns seconds used so far, or undefined without /proc.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's counters (USER_HZ, 100 on every Linux build that matters). */
const TICKS_PER_SECOND = 100;

/** Command name and user + system seconds of one process. */
function processTimes(pid: number | string): { command: string; seconds: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces; utime and stime are the 12th and 13th fields after it.
    const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { command, seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
  } catch {
    return undefined;
  }
}

/** CPU seconds a process has used so far. */
export function processCpuSeconds(pid: number | undefined): number | undefined {
  return pid === undefined ? undefined : processTimes(pid)?.seconds;
}

/** CPU seconds used so far by every process whose command is `command` (all PostgreSQL backends, for example). */
export function commandCpuSeconds(command: string): number | undefined {
  try {
    let seconds = 0;
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      const times = processTimes(entry);
      if (times?.command === command) seconds += times.seconds;
    }
    return seconds;
  } catch {
    return undefined;
  }
}

/** Busy CPU seconds of the whole machine so far, all cores together (everything but idle and I/O wait). */
export function machineBusySeconds(): number | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    // user nice system idle iowait irq softirq steal: all but the 4th and 5th are busy time.
    const [user, nice, system, , , irq, softirq, steal] = line.split(/\s+/).slice(1).map(Number);
    return (user! + nice! + system! + irq! + softirq! + steal!) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}
