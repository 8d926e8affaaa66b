/**
 * Serve the built site (dist/) under its base path: `npm run serve`. Runs
 * under Node's own TypeScript support (no tsx in between, so signals reach it)
 * and stops on Ctrl+C, SIGTERM, or when the command that started it is gone
 * (lib/stop-with-parent.ts).
 */
import { serveStatic } from './lib/static-server.ts';
import { stopWithParent } from './lib/stop-with-parent.ts';

const base = process.env.SITE_BASE || '/';
const port = Number(process.env.PORT || 4321);
const root = process.env.SITE_OUT || 'dist';
const s = await serveStatic(root, base, port);
stopWithParent(s.close, (m) => console.log(m));
console.log(`Serving ${root}/ at ${s.url}  (Ctrl+C to stop)`);
