import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../paths.js';

const mainJs = join(projectRoot, 'dist', 'main.js');

export interface PortalProcess {
  output: () => string;
  /** The exit code (null when killed by a signal). */
  exit: Promise<number | null>;
  readonly exited: boolean;
  kill: (signal: NodeJS.Signals) => void;
  /** Resolves with the first match of `pattern` in what the process printed; rejects if it exits first. */
  waitFor: (pattern: RegExp) => Promise<string>;
  /** The address it listens on, once it says so. */
  url: () => Promise<string>;
}

/** Starts the built portal (`dist/main.js`, so `npm run build` first) with only PATH and `env` in its environment. */
export function startPortal(env: Record<string, string>): PortalProcess {
  const child = spawn(process.execPath, [mainJs], {
    env: { PATH: process.env.PATH, LOG_LEVEL: 'info', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exited = false;
  const listeners: (() => void)[] = [];
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    listeners.forEach((listener) => listener());
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exited = true;
      resolve(code);
    }),
  );
  const waitFor = (pattern: RegExp) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const match = pattern.exec(output);
        if (match) resolve(match[0]);
      };
      listeners.push(check);
      check();
      void exit.then(() => reject(new Error(`exited before ${pattern}: ${output}`)));
    });
  return {
    output: () => output,
    exit,
    get exited() {
      return exited;
    },
    kill: (signal) => child.kill(signal),
    waitFor,
    url: async () => (await waitFor(/listening on (http:\/\/[^"\s]+)/)).replace('listening on ', ''),
  };
}
