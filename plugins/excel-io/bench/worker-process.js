/**
 * What both benchmarks share about the job worker they time: a `npm run worker` process started
 * exactly as that script starts it (its node flags included, e.g. the heap cap), and its memory.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const cmsDir = path.resolve(__dirname, '..', '..', '..', 'cms');
const workerScript = JSON.parse(fs.readFileSync(path.join(cmsDir, 'package.json'), 'utf8')).scripts.worker;

/**
 * Starts the worker with `env` and resolves once it says it is ready. `exec` makes the shell
 * become node, so the pid (and its memory readings) are the worker's own and IPC reaches it.
 * BENCH_PROFILE_DIR=<dir>: the worker writes a CPU profile there when it stops;
 * BENCH_WORKER_NODE_OPTIONS: more node flags for the worker only (the script's own flags win over these);
 * BENCH_GC_LOG=1: the worker traces its collections (`--trace-gc`) to this process's stdout.
 */
function startWorker(env) {
  // node refuses --cpu-prof in NODE_OPTIONS: it goes on the command line, after `node`
  // the same goes for --trace-gc
  const gcLog = process.env.BENCH_GC_LOG ? '--trace-gc ' : '';
  const profile = process.env.BENCH_PROFILE_DIR ? `--cpu-prof --cpu-prof-dir=${process.env.BENCH_PROFILE_DIR} ` : '';
  const command = workerScript.replace(/^node /, `node ${gcLog}${profile}`);
  const child = spawn('sh', ['-c', `exec ${command}`], {
    cwd: cmsDir,
    env: { ...env, NODE_OPTIONS: [env.NODE_OPTIONS, process.env.BENCH_WORKER_NODE_OPTIONS].filter(Boolean).join(' ') },
    stdio: ['ignore', process.env.BENCH_GC_LOG ? 'inherit' : 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before it was ready`)));
  });
}

/** Peak (VmHWM) or current (VmRSS) resident set of a live process, in MB (Linux). */
const rssMb = (pid, which = 'VmHWM') => Number(new RegExp(`${which}:\\s+(\\d+) kB`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;

module.exports = { cmsDir, workerScript, startWorker, rssMb };
