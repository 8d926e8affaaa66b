/** Serve the built site (dist/) under its base path: `npm run serve`. */
import { serveStatic } from './lib/static-server.ts';

const base = process.env.SITE_BASE || '/';
const port = Number(process.env.PORT || 4321);
const root = process.env.SITE_OUT || 'dist';
const s = await serveStatic(root, base, port);
console.log(`Serving ${root}/ at ${s.url}  (Ctrl+C to stop)`);
