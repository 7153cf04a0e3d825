import { startCapturedApp, type CapturedApp } from '../../security/support/capturedApp.js';

/**
 * Starts the app with its own log captured. The SDK reads its tuning variables (batch delay, export timeout)
 * from process.env itself, not from the config: `sdkEnv` is set for the app's start, then the environment is
 * put back.
 */
export async function startWithSdkEnv(sdkEnv: Record<string, string>, env: Record<string, string>): Promise<CapturedApp> {
  const saved = Object.fromEntries(Object.keys(sdkEnv).map((k) => [k, process.env[k]]));
  Object.assign(process.env, sdkEnv);
  try {
    return await startCapturedApp({ LOG_LEVEL: 'info', ...env });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
