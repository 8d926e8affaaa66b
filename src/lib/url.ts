/**
 * Links that work under any base path. `base` is Astro's BASE_URL
 * (import.meta.env.BASE_URL), passed in so this module stays free of Astro.
 */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : base + '/';
  return b + path.replace(/^\/+/, '');
}

/**
 * Where the data files live. By default the site's own `data/` folder; set
 * DATA_BASE_URL at build time (e.g. https://cdn.example.org/nianbao-data/) to
 * serve them from object storage instead, with nothing else changed.
 */
export function dataUrl(base: string, file: string, dataBase?: string): string {
  if (dataBase) return (dataBase.endsWith('/') ? dataBase : dataBase + '/') + file;
  return joinBase(base, 'data/' + file);
}
