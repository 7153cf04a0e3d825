// Stands between the Agents Playground and the bot and rewrites each activity's locale, as a Teams
// client set to that display language would send it. (The Playground itself always says en-US.)
// Without a locale it passes activities on untouched. Its address stays the same when the bot behind it is
// replaced (retarget), so the Playground, whose endpoint is fixed when it starts, keeps reaching a restarted bot.
import { createServer, type Server } from 'node:http';

export interface LocaleProxy {
  url: string;
  /** Sends every later request to this bot instead (e.g. http://127.0.0.1:PORT, no path). */
  retarget(target: string): void;
  close(): Promise<void>;
}

export async function startLocaleProxy(initialTarget: string, locale?: string): Promise<LocaleProxy> {
  let target = initialTarget;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks).toString('utf8');
      if (locale) {
        try {
          const activity = JSON.parse(body) as { locale?: string; entities?: Array<{ type?: string; locale?: string }> };
          activity.locale = locale;
          for (const entity of activity.entities ?? []) if (entity.type === 'clientInfo') entity.locale = locale;
          body = JSON.stringify(activity);
        } catch {
          // Not JSON: pass it on untouched and let the bot answer it.
        }
      }
      const headers: Record<string, string> = { 'content-type': String(req.headers['content-type'] ?? 'application/json') };
      if (req.headers.authorization) headers.authorization = req.headers.authorization;
      fetch(`${target}${req.url ?? ''}`, { method: req.method, headers, body: req.method === 'GET' ? undefined : body }).then(
        async (answer) => {
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
          res.end(Buffer.from(await answer.arrayBuffer()));
        },
        () => {
          res.writeHead(502);
          res.end();
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    retarget: (next) => void (target = next),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
