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

const app = createApp(readConfig());
const { url } = await app.listen();
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
