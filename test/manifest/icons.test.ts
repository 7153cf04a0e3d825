// The app icons Teams shows: a 192×192 full-colour icon and a 32×32 outline that is white on
// transparent only (Teams tints it). Both are drawn by scripts/icons.ts; the committed files must be
// exactly what it draws, and the drawings must be pictures, not a flat fill.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { COLOR_ICON, MANIFEST_DIR, OUTLINE_ICON, accentColor, drawColorIcon, drawOutlineIcon, hexToRgb } from '../../scripts/icons.js';
import { readManifestTemplate } from '../../scripts/appPackage.js';

const read = (name: string) => PNG.sync.read(readFileSync(`${MANIFEST_DIR}${name}`));

function pixels(png: PNG): Array<[number, number, number, number]> {
  const out: Array<[number, number, number, number]> = [];
  for (let i = 0; i < png.data.length; i += 4) out.push([png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!]);
  return out;
}

const share = (list: unknown[], test: (p: never) => boolean) => list.filter((p) => test(p as never)).length / list.length;

describe('Teams app icons', () => {
  it('the manifest names the two files drawn here', () => {
    expect(readManifestTemplate().icons).to.deep.equal({ color: COLOR_ICON, outline: OUTLINE_ICON });
  });

  describe('colour icon', () => {
    const png = read(COLOR_ICON);
    const all = pixels(png);
    const accent = hexToRgb(accentColor());
    const near = (p: [number, number, number, number], c: readonly number[], d: number) => Math.hypot(p[0] - c[0]!, p[1] - c[1]!, p[2] - c[2]!) <= d;

    it('is 192×192 and fully opaque', () => {
      expect([png.width, png.height]).to.deep.equal([192, 192]);
      expect(all.every((p) => p[3] === 255)).to.equal(true);
    });

    it("is a picture in the manifest's accent colour: mostly accent, with a white motif, not a flat fill", () => {
      expect(share(all, (p) => near(p, accent, 60)), 'accent background').to.be.above(0.6);
      expect(share(all, (p) => near(p, [255, 255, 255], 40)), 'white motif').to.be.within(0.08, 0.35);
      expect(new Set(all.map((p) => p.join())).size, 'distinct colours').to.be.above(100);
    });

    it('the motif sits in the middle: the border strip is background only', () => {
      for (let i = 0; i < 192; i++) {
        for (const [x, y] of [[i, 0], [i, 191], [0, i], [191, i]] as const) {
          const p = all[y * 192 + x]!;
          expect(near(p, [255, 255, 255], 100), `(${x},${y})`).to.equal(false);
        }
      }
    });

    it('is exactly what scripts/icons.ts draws (run `npm run icons` after changing the drawing)', () => {
      expect(Buffer.compare(png.data, drawColorIcon().data)).to.equal(0);
    });
  });

  describe('outline icon', () => {
    const png = read(OUTLINE_ICON);
    const all = pixels(png);

    it('is 32×32', () => {
      expect([png.width, png.height]).to.deep.equal([32, 32]);
    });

    it('holds nothing but white and transparency', () => {
      const coloured = all.filter((p) => p[3] > 0 && (p[0] !== 255 || p[1] !== 255 || p[2] !== 255));
      expect(coloured, 'visible pixels that are not pure white').to.deep.equal([]);
    });

    it('is transparent around the motif and solid in it: a drawing, not a filled square', () => {
      for (const [x, y] of [[0, 0], [31, 0], [0, 31], [31, 31]]) expect(all[y! * 32 + x!]![3], `corner (${x},${y})`).to.equal(0);
      expect(share(all, (p) => p[3] === 0), 'transparent').to.be.above(0.4);
      expect(share(all, (p) => p[3] >= 200), 'solid white').to.be.within(0.15, 0.5);
    });

    it('is exactly what scripts/icons.ts draws', () => {
      expect(Buffer.compare(png.data, drawOutlineIcon().data)).to.equal(0);
    });
  });
});
