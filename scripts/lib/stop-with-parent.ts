/**
 * A long-running script (the static server) stops when it is told to or when
 * what started it is gone, so it never lingers holding a port:
 * - SIGINT (Ctrl+C), SIGTERM and SIGHUP: close, then exit;
 * - its parent process died (it was re-parented, e.g. `npm run serve` got a
 *   SIGTERM: npm passes it to its shell, which does not pass it on), or the
 *   leader of its process group (the job the shell started, e.g. the outer
 *   npm of `npm start`) is gone: the same. Checked twice a second.
 */
import { readFileSync } from 'node:fs';

/** This process's group id (Linux: /proc/self/stat), or null where that cannot be read. */
function processGroup(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) || null;
  } catch {
    return null;
  }
}

function alive(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

export function stopWithParent(close: () => Promise<void>, log: (m: string) => void = () => {}): void {
  let stopping = false;
  const stop = (why: string) => {
    if (stopping) return;
    stopping = true;
    log(why);
    // Exit even if a connection holds the close up.
    setTimeout(() => process.exit(0), 2000).unref();
    close().finally(() => process.exit(0));
  };
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(sig, () => stop(`收到 ${sig},停止服务`));
  const parent = process.ppid;
  const group = processGroup();
  const watch = setInterval(() => {
    if (process.ppid !== parent) stop('启动本服务的进程已退出,停止服务');
    else if (group && group !== process.pid && !alive(group)) stop('启动本服务的命令已退出,停止服务');
  }, 500);
  watch.unref();
}
