import { readdirSync, readFileSync } from 'node:fs';

/** The pids of a process and all its descendants, from /proc (Linux). */
export function processTree(pid: number): number[] {
    const pids = [pid];
    for (let i = 0; i < pids.length; i++) {
        let tasks: string[];
        try {
            tasks = readdirSync(`/proc/${pids[i]}/task`);
        } catch {
            continue;
        }
        for (const task of tasks) {
            try {
                const children = readFileSync(`/proc/${pids[i]}/task/${task}/children`, 'utf8').trim();
                if (children) pids.push(...children.split(/\s+/).map(Number));
            } catch {
                // The task ended meanwhile.
            }
        }
    }
    return pids;
}

/** Resident set size of one process in bytes (0 once it has ended). */
function rss(pid: number): number {
    try {
        const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
        return match ? Number(match[1]) * 1024 : 0;
    } catch {
        return 0;
    }
}

/** Samples the RSS of a process tree (sum over the tree) every `intervalMs` and keeps the peak. */
export class RssSampler {
    private timer: NodeJS.Timeout | undefined;
    peakBytes = 0;

    constructor(private readonly pid: number, private readonly intervalMs = 25) {}

    start(): this {
        this.sample();
        this.timer = setInterval(() => this.sample(), this.intervalMs);
        return this;
    }

    sample(): void {
        const total = processTree(this.pid).reduce((sum, pid) => sum + rss(pid), 0);
        if (total > this.peakBytes) this.peakBytes = total;
    }

    stop(): number {
        this.sample();
        clearInterval(this.timer);
        return this.peakBytes;
    }
}

/** User + system CPU time of a process tree in milliseconds (from /proc, 10 ms resolution). */
export function treeCpuMs(pid: number): number {
    let ticks = 0;
    for (const member of processTree(pid)) {
        try {
            const fields = readFileSync(`/proc/${member}/stat`, 'utf8').split(') ')[1].split(' ');
            // Fields 14 and 15 of /proc/PID/stat (utime, stime), counted after the command name.
            ticks += Number(fields[11]) + Number(fields[12]);
        } catch {
            // The process ended meanwhile.
        }
    }
    return ticks * 10; // USER_HZ is 100 on Linux
}
