import { ConfigError, loadDotEnv, parseConfig, type Config } from './config.js';
import { createApp } from './app.js';

function readConfig(): Config {
  try {
    loadDotEnv();
    return parseConfig(process.env);
  } catch (err) {
    // One line an operator can act on; a stack trace would only bury the variable's name.
    const message = err instanceof ConfigError ? err.message : (err as Error).message;
    process.stderr.write(`Configuration error: ${message}\n`);
    process.exit(1);
  }
}

const config = readConfig();
const app = createApp(config);
const { url } = await app.listen().catch((err: NodeJS.ErrnoException) => {
  // A taken port or a bad HOST is an operator's fix: say which, without a stack trace.
  const why = err.code === 'EADDRINUSE' ? `port ${config.PORT} is already in use` : `cannot listen on ${config.HOST}:${config.PORT} (${err.code ?? err.message})`;
  process.stderr.write(`Start-up error: ${why}. Set PORT (or HOST) to a free one.\n`);
  process.exit(1);
});
process.stdout.write(`CSP Move Assistant listening on ${url}/api/messages\n`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    app.logger.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
