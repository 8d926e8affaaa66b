/** Marks offered by the quick chart (key → Chinese label); shared by page and script. */
export const MARKS = { barY: '柱状图', line: '折线图', dot: '散点图' } as const;
export type Mark = keyof typeof MARKS;
