// src/faq is pure: the matcher gets its phrase lists as data. It may import its own files, the guidance
// engine (facts), the bundled locale data and the two text libraries — no bot framework, no i18next, no I/O.
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { specifiers } from '../guidance/purity.test.js';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const ROOT = join(SRC, 'faq');
const PACKAGES = new Set(['opencc-js/t2cn', 'fastest-levenshtein']);
/** Outside src/faq: the guidance engine's public API, and the locale list and bundled JSON (no i18next). */
const ALLOWED_OUTSIDE = new Set(['guidance/index.ts', 'i18n/locale.ts', 'i18n/resources.ts']);

describe('faq purity', () => {
  const files = readdirSync(ROOT).filter((f) => f.endsWith('.ts')).map((f) => join(ROOT, f));

  it('finds the module files', () => {
    expect(files.length).to.be.at.least(5);
  });

  for (const file of files) {
    it(`src/faq/${relative(ROOT, file)} imports no bot framework, i18next or I/O`, () => {
      const bad = specifiers(readFileSync(file, 'utf8')).filter((s) => {
        if (PACKAGES.has(s)) return false;
        if (!s.startsWith('.')) return true;
        const target = relative(SRC, resolve(dirname(file), s)).replace(/\.js$/, '.ts');
        return !target.startsWith('faq/') && !ALLOWED_OUTSIDE.has(target);
      });
      expect(bad).to.deep.equal([]);
    });
  }
});
