// src/guidance is pure: it may import zod and its own files, nothing else (no botbuilder, i18next, node:*).
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../src/guidance/', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** Every module specifier in static imports/exports, dynamic import() and require(). */
export function specifiers(code: string): string[] {
  const patterns = [
    /\b(?:import|export)\b[^'"`;]*?\bfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
    /\brequire\s*\(\s*['"`]([^'"`]+)['"`]\s*\)/g,
  ];
  return patterns.flatMap((re) => [...code.matchAll(re)].map((m) => m[1] as string));
}

describe('guidance purity', () => {
  const files = sourceFiles(ROOT);

  it('finds the module files', () => {
    expect(files.length).to.be.greaterThan(10);
  });

  it('the scanner sees every kind of import', () => {
    const code = [
      "import { a } from 'botbuilder';",
      "import type { B } from './b.js';",
      "export * from 'node:fs';",
      "import 'i18next';",
      "const x = await import('fs');",
      "const y = require('path');",
      'import {\n  c,\n} from "zod";',
    ].join('\n');
    expect(specifiers(code)).to.have.members(['botbuilder', './b.js', 'node:fs', 'i18next', 'fs', 'path', 'zod']);
  });

  for (const file of files) {
    it(`${relative(ROOT, file)} imports only zod and files inside src/guidance`, () => {
      const inside = (s: string): boolean =>
        (s.startsWith('./') || s.startsWith('../')) && !relative(ROOT, resolve(dirname(file), s)).startsWith('..');
      const bad = specifiers(readFileSync(file, 'utf8')).filter((s) => s !== 'zod' && !inside(s));
      expect(bad).to.deep.equal([]);
    });
  }

  it('uses no clock, randomness or globals that break purity', () => {
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      expect(code, file).not.to.match(/Date\.now\(|new Date\(\)|Math\.random|process\.|globalThis/);
    }
  });
});
