import { expect } from 'chai';
import { ownerOf, summarizeProfile, withoutFirst } from '../../bench/profileSummary.js';

// A tiny V8 .cpuprofile: root → (idle), and root → renderCard → expand (a package).
const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });
const PROFILE = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 3] },
    { id: 2, callFrame: frame('(idle)') },
    { id: 3, callFrame: frame('renderCard', 'file:///repo/dist/cards/render.js', 41), children: [4] },
    { id: 4, callFrame: frame('expand', 'file:///repo/node_modules/adaptivecards-templating/lib/template.js', 9) },
  ],
  samples: [2, 3, 4, 4, 2, 3],
  timeDeltas: [1000, 1000, 1000, 1000, 1000, 2000],
};

describe('bench CPU profile summary', () => {
  it('names the owner of a frame: package, project file, Node internals or V8', () => {
    expect(ownerOf('file:///repo/node_modules/@azure/core-client/dist/x.js', 'f')).to.equal('@azure/core-client');
    expect(ownerOf('file:///repo/dist/dialogs/mainDialog.js', 'route')).to.equal('dialogs/mainDialog');
    expect(ownerOf('node:internal/streams/writable', 'write')).to.equal('node:internal');
    expect(ownerOf('', '(garbage collector)')).to.equal('(garbage collector)');
    expect(ownerOf('', 'writev')).to.equal('(native)');
  });

  it('ranks self time by owner and by function, leaving idle out', () => {
    const summary = summarizeProfile(PROFILE);
    expect(summary.totalMs).to.equal(5);
    expect(summary.byOwner.map((s) => [s.name, s.ms])).to.deep.equal([
      ['cards/render', 3],
      ['adaptivecards-templating', 2],
    ]);
    expect(summary.byFunction[0]).to.deep.include({ name: 'renderCard cards/render:42', ms: 3, share: 0.6 });
  });

  it('skips the first milliseconds (start-up) when asked', () => {
    expect(summarizeProfile(withoutFirst(PROFILE, 4.5)).byOwner.map((s) => [s.name, s.ms])).to.deep.equal([['cards/render', 2]]);
  });
});
