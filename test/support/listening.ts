import type { ChildProcess } from 'node:child_process';

/**
 * The base URL a bot started as a child process (`node … src/index.ts` or `dist/src/index.js`) serves on, once
 * it prints its "listening on" line. Rejects, with what it printed, if it exits or is silent for `timeoutMs`.
 */
export function listeningUrl(child: ChildProcess, timeoutMs = 30_000): Promise<string> {
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the bot did not start within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const listening = /listening on (http:\/\/\S+)\/api\/messages/.exec(output);
      if (listening) {
        clearTimeout(timer);
        resolve(listening[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the bot exited with ${code}:\n${output}`));
    });
  });
}
