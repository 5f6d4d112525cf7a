import { type AppName, AppProcess as SharedAppProcess } from '@paxscreen/testing';

import { rememberPid } from './infra';

export type { AppName } from '@paxscreen/testing';

/** How long an app may take from spawn to answering /health (swc compiles on the fly; a loaded 2-core machine took over 120 s). */
const START_TIMEOUT_MS = 240_000;

/**
 * One paxscreen app as its own OS process (`node -r @swc-node/register apps/<app>/src/main.ts`,
 * libs/testing `AppProcess`), output appended to a log file. Acts as a supervisor would: an exit
 * nobody asked for is counted and the app is started again.
 */
export class AppProcess extends SharedAppProcess {
  constructor(
    name: AppName,
    port: number,
    env: NodeJS.ProcessEnv,
    readonly logFile: string,
    log: (line: string) => void,
    /** Its name in logs and pid files when the app runs twice (e.g. `screening2`). */
    instance: string = name,
  ) {
    super({
      name: instance,
      app: name,
      port,
      env,
      logFile,
      appendLog: true,
      mode: 'source',
      supervise: true,
      readyPath: '/health',
      startTimeoutMs: START_TIMEOUT_MS,
      onSpawn: (pid, marker) => rememberPid(instance, pid, marker),
      log,
    });
  }
}
