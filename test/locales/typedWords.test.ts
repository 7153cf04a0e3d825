// Typed answers: the matcher (dialogs/lexicon.ts) pools every language's option labels and words per
// option set, silently drops a word two options claim, and lets commands and language names win over
// answers. These tests make both cases loud instead of silent.
import { normalizeTyped } from '../../dialogs/lexicon.js';
import { FILES, expectNone, type Json } from './localeFiles.js';

type Obj = { [key: string]: Json };
const isObj = (v: Json | undefined): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const strings = (v: Json | undefined): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

const questions = FILES.filter((f) => f.ns === 'questions');
const common = FILES.filter((f) => f.ns === 'common');

/** optionSet → normalized word → "option (where it is listed)" entries. */
function optionWords(): Map<string, Map<string, Set<string>>> {
  const sets = new Map<string, Map<string, Set<string>>>();
  for (const file of questions) {
    const optionSets = isObj(file.data) ? file.data['optionSets'] : undefined;
    if (!isObj(optionSets)) continue;
    for (const [set, options] of Object.entries(optionSets)) {
      if (!isObj(options)) continue;
      const words = sets.get(set) ?? new Map<string, Set<string>>();
      for (const [option, entry] of Object.entries(options)) {
        if (!isObj(entry)) continue;
        const label = typeof entry['label'] === 'string' ? [entry['label']] : [];
        for (const w of [...label, ...strings(entry['words'])]) {
          const word = normalizeTyped(w);
          if (!word) continue;
          const claims = words.get(word) ?? new Set<string>();
          claims.add(`${option} (${file.lng})`);
          words.set(word, claims);
        }
      }
      sets.set(set, words);
    }
  }
  return sets;
}

/** Normalized command words and language names, from every language's common.json. */
function commandWords(): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of common) {
    if (!isObj(file.data)) continue;
    for (const group of ['commands', 'languageNames']) {
      const entries = file.data[group];
      if (!isObj(entries)) continue;
      for (const [name, entry] of Object.entries(entries)) {
        if (!isObj(entry)) continue;
        for (const w of strings(entry['words'])) out.set(normalizeTyped(w), `${group}.${name} (${file.lng})`);
      }
    }
  }
  return out;
}

describe('typed answer words', () => {
  it('no word or label is claimed by two options of one option set, in any language', () => {
    const problems: string[] = [];
    for (const [set, words] of optionWords()) {
      for (const [word, claims] of words) {
        const options = new Set([...claims].map((c) => c.split(' ')[0]));
        if (options.size > 1) problems.push(`optionSets.${set}: "${word}" is claimed by ${[...claims].join(', ')}`);
      }
    }
    expectNone(problems);
  });

  it('no option word or skip word is shadowed by a command or language name', () => {
    const commands = commandWords();
    const problems: string[] = [];
    for (const [set, words] of optionWords()) {
      for (const [word, claims] of words) {
        const command = commands.get(word);
        if (command) problems.push(`optionSets.${set}: "${word}" (${[...claims].join(', ')}) is the command ${command}`);
      }
    }
    for (const file of questions) {
      const skipWords = isObj(file.data) ? strings(file.data['skipWords']) : [];
      for (const w of skipWords) {
        const command = commands.get(normalizeTyped(w));
        if (command) problems.push(`${file.name} › skipWords: "${w}" is the command ${command}`);
      }
    }
    expectNone(problems);
  });
});
