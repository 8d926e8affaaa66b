/**
 * The build time, as an input: `SOURCE_DATE_EPOCH` (seconds since 1970, the
 * reproducible-builds convention; the Pages workflow sets it to the commit
 * time) when set; else the newest modification time among the files read; else
 * (an empty corpus) 1970-01-01. Everything else a build writes is a function of
 * the corpus, so two builds of the same corpus with the same build time are
 * byte-identical (docs/reproducible.md).
 */
export function buildTime(mtimesMs: number[], env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = env.SOURCE_DATE_EPOCH?.trim();
  if (epoch) {
    if (!/^\d{1,12}$/.test(epoch)) throw new Error(`SOURCE_DATE_EPOCH must be whole seconds since 1970, got ${JSON.stringify(epoch)}`);
    return new Date(Number(epoch) * 1000);
  }
  let newest = 0;
  for (const m of mtimesMs) if (m > newest) newest = m;
  return new Date(Math.floor(newest / 1000) * 1000);
}
