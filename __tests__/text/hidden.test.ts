/**
 * The job summary (src/report/summary.ts) and quoted log lines (src/diagnose/clean.ts) escape the same hidden
 * characters as log lines (src/text/inert.ts `HIDDEN`): a name that only looks like `prod` is shown as what it is.
 */
import { describe, expect, it } from 'vitest';
import { safeText } from '../../src/diagnose/clean.js';
import { code, text } from '../../src/report/summary.js';

const LOOKALIKE = 'prod\u200b\u200e\ufeff\u{e0041}';

describe('hidden characters in the summary and in quoted log lines', () => {
  it('shows them as escapes in a table cell, in a code span and in a quoted line', () => {
    expect(text(LOOKALIKE)).toBe('prod&#92;u200b&#92;u200e&#92;ufeff&#92;u{e0041}');
    expect(code(LOOKALIKE)).toBe('`prod\\u200b\\u200e\\ufeff\\u{e0041}`');
    expect(safeText(LOOKALIKE)).toBe('prod\\u{200b}\\u{200e}\\u{feff}\\u{e0041}');
  });

  it('leaves letters of any script, and a table cell its tabs and line feeds handled apart', () => {
    expect(text('déploiement 部署')).toBe('déploiement 部署');
    expect(text('a\tb\nc')).toBe('a b<br>c');
  });
});
