import { expect } from 'chai';
import { escapeCardText } from '../../cards/index.js';

describe('escapeCardText', () => {
  it('turns a markdown link into literal text', () => {
    const out = escapeCardText('[x](http://evil)');
    expect(out).to.equal('\\[x\\]\\(http://evil\\)');
    expect(out).not.to.match(/(^|[^\\])\[/);
  });

  it('neutralises an image and an autolink', () => {
    expect(escapeCardText('![i](http://evil/p.png)')).to.equal('!\\[i\\]\\(http://evil/p.png\\)');
    expect(escapeCardText('<http://evil>')).to.equal('\\<http://evil\\>');
  });

  it('neutralises bold, italic, strikethrough and code', () => {
    expect(escapeCardText('**bold** __b__ _it_ *it* ~~s~~ `c`')).to.equal(
      '\\*\\*bold\\*\\* \\_\\_b\\_\\_ \\_it\\_ \\*it\\* \\~\\~s\\~\\~ \\`c\\`',
    );
  });

  it('neutralises headings and quotes', () => {
    expect(escapeCardText('# Title')).to.equal('\\# Title');
    expect(escapeCardText('## a # b')).to.equal('\\#\\# a \\# b');
    expect(escapeCardText('> quoted')).to.equal('\\> quoted');
  });

  it('neutralises list markers at the start of every line, indented or not', () => {
    expect(escapeCardText('- a\n+ b\r\n1. c\r2) d\n  - e')).to.equal('\\- a\n\\+ b\r\n1\\. c\r2\\) d\n  \\- e');
  });

  it('neutralises rules and setext underlines', () => {
    expect(escapeCardText('title\n---')).to.equal('title\n\\---');
    expect(escapeCardText('===')).to.equal('\\===');
  });

  it('leaves hyphens, dots and numbers inside a line alone', () => {
    expect(escapeCardText('Renewal on 2026-03-31. 2 days left - ok')).to.equal('Renewal on 2026-03-31. 2 days left - ok');
    expect(escapeCardText('1.5 licenses')).to.equal('1.5 licenses');
  });

  it('never lets the templating marker ${ through', () => {
    for (const s of ['${x}', 'a ${b} c', '$${{x}}', '${', '\\${x}']) expect(escapeCardText(s)).not.to.include('${');
  });

  it('escapes backslashes first, so an escape in the input cannot cancel ours', () => {
    expect(escapeCardText('\\*x\\*')).to.equal('\\\\\\*x\\\\\\*');
  });

  it('drops control characters but keeps line breaks and tabs', () => {
    expect(escapeCardText('a\u0000b\u0007c\td\ne')).to.equal('abc\td\ne');
  });

  it('keeps Chinese text and full-width punctuation as they are', () => {
    expect(escapeCardText('请求经销商关系：合作伙伴中心（CSP）')).to.equal('请求经销商关系：合作伙伴中心（CSP）');
  });
});
