// Draws the Teams app icons in code, so they can be regenerated and checked:
// a customer's subscriptions (the box on the left) moving along an arrow into the partner's CSP
// relationship (the filled box on the right, with a check mark).
//   npm run icons   → manifest/color.png (192×192) and manifest/outline.png (32×32, white on transparent)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

export const MANIFEST_DIR = fileURLToPath(new URL('../manifest/', import.meta.url));
export const COLOR_ICON = 'color.png';
export const OUTLINE_ICON = 'outline.png';

type Rgb = readonly [number, number, number];
type Shape = (x: number, y: number) => boolean;

interface Layer {
  shape: Shape;
  /** A fixed colour, or one per point (gradients). */
  color: Rgb | ((x: number, y: number) => Rgb);
  alpha?: number;
  /** Cuts the shape out of what is below instead of painting over it. */
  erase?: boolean;
}

// ---- shapes, in pixel coordinates of the canvas being drawn -------------------------------------

const everywhere: Shape = () => true;

function roundRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return x >= x0 && x <= x1 && y >= y0 && y <= y1 && dx * dx + dy * dy <= r * r;
  };
}

/** The rim of a rounded rectangle, `width` wide, inside its bounds. */
function roundRectRim(x0: number, y0: number, x1: number, y1: number, r: number, width: number): Shape {
  const outer = roundRect(x0, y0, x1, y1, r);
  const inner = roundRect(x0 + width, y0 + width, x1 - width, y1 - width, Math.max(0, r - width));
  return (x, y) => outer(x, y) && !inner(x, y);
}

function distanceToSegment(x: number, y: number, ax: number, ay: number, bx: number, by: number): number {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy));
}

/** A stroked polyline with round joins and caps. */
function polyline(points: ReadonlyArray<readonly [number, number]>, width: number): Shape {
  return (x, y) => {
    for (let i = 1; i < points.length; i++) {
      const [ax, ay] = points[i - 1]!;
      const [bx, by] = points[i]!;
      if (distanceToSegment(x, y, ax, ay, bx, by) <= width / 2) return true;
    }
    return false;
  };
}

/** A stroked circular arc from angle `from` to `to` (radians, clockwise on screen), round caps. */
function arc(cx: number, cy: number, radius: number, from: number, to: number, width: number): Shape {
  const cap = (angle: number): [number, number] => [cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)];
  const [sx, sy] = cap(from);
  const [ex, ey] = cap(to);
  return (x, y) => {
    let angle = Math.atan2(y - cy, x - cx);
    while (angle < from) angle += 2 * Math.PI;
    const onBand = Math.abs(Math.hypot(x - cx, y - cy) - radius) <= width / 2 && angle <= to;
    return onBand || Math.hypot(x - sx, y - sy) <= width / 2 || Math.hypot(x - ex, y - ey) <= width / 2;
  };
}

function triangle(a: readonly [number, number], b: readonly [number, number], c: readonly [number, number]): Shape {
  const side = (p: readonly [number, number], q: readonly [number, number], x: number, y: number) =>
    (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  return (x, y) => {
    const d1 = side(a, b, x, y);
    const d2 = side(b, c, x, y);
    const d3 = side(c, a, x, y);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
}

// ---- rendering: supersampled coverage, painted layer over layer ---------------------------------

const SAMPLES = 8;

function render(size: number, layers: readonly Layer[]): PNG {
  const png = new PNG({ width: size, height: size });
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Premultiplied colour of the pixel so far.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (const layer of layers) {
        let hits = 0;
        for (let sy = 0; sy < SAMPLES; sy++) {
          for (let sx = 0; sx < SAMPLES; sx++) {
            if (layer.shape(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES)) hits++;
          }
        }
        const coverage = (hits / (SAMPLES * SAMPLES)) * (layer.alpha ?? 1);
        if (coverage === 0) continue;
        if (layer.erase) {
          r *= 1 - coverage;
          g *= 1 - coverage;
          b *= 1 - coverage;
          a *= 1 - coverage;
          continue;
        }
        const [lr, lg, lb] = typeof layer.color === 'function' ? layer.color(px + 0.5, py + 0.5) : layer.color;
        r = lr * coverage + r * (1 - coverage);
        g = lg * coverage + g * (1 - coverage);
        b = lb * coverage + b * (1 - coverage);
        a = coverage + a * (1 - coverage);
      }
      const i = (py * size + px) * 4;
      // Fully transparent pixels are stored white, so the outline holds nothing but white and alpha.
      png.data[i] = a === 0 ? 255 : Math.round(r / a);
      png.data[i + 1] = a === 0 ? 255 : Math.round(g / a);
      png.data[i + 2] = a === 0 ? 255 : Math.round(b / a);
      png.data[i + 3] = Math.round(a * 255);
    }
  }
  return png;
}

// ---- the two icons ------------------------------------------------------------------------------

const WHITE: Rgb = [255, 255, 255];

export function hexToRgb(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`not a #rrggbb colour: ${hex}`);
  return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
}

const mix = (from: Rgb, to: Rgb, t: number): Rgb => [0, 1, 2].map((i) => from[i]! + (to[i]! - from[i]!) * t) as unknown as Rgb;

/** The accent colour is the manifest's, so the icon and Teams' tile around it always agree. */
export function accentColor(): string {
  const manifest = JSON.parse(readFileSync(`${MANIFEST_DIR}manifest.json`, 'utf8')) as { accentColor: string };
  return manifest.accentColor;
}

interface Motif {
  fromBox: Shape;
  arrow: Shape;
  arrowHead: Shape;
  toBox: Shape;
  check: Shape;
}

/** The motif on the 192 px colour icon: "from" box (rim), arrow arcing over, "to" box (filled) with a check mark. */
function colorMotif(): Motif {
  const radius = 40;
  return {
    fromBox: roundRectRim(30, 94, 82, 146, 11, 7),
    // From the left box's top centre over to the arrowhead, which points down into the right box.
    arrow: arc(96, 84, radius, Math.PI, 2 * Math.PI - Math.asin(10 / radius), 8),
    arrowHead: triangle([120, 70], [152, 70], [136, 90]),
    toBox: roundRect(110, 94, 162, 146, 11),
    check: polyline([[123, 121], [132, 130], [149, 111]], 8),
  };
}

/** The same motif redrawn for 32 px: bigger boxes, two-pixel lines, a heavier arrowhead, a simpler tick. */
function outlineMotif(): Motif {
  const radius = 8.5;
  return {
    fromBox: roundRectRim(2, 17, 13, 28, 2.5, 2),
    arrow: arc(16, 15, radius, Math.PI, 2 * Math.PI - Math.asin(2.5 / radius), 2.2),
    arrowHead: triangle([19.5, 11], [29.5, 11], [24.5, 16]),
    toBox: roundRect(19, 17, 30, 28, 2.5),
    check: polyline([[21.6, 22.6], [23.8, 24.8], [27.6, 20.6]], 1.9),
  };
}

export function drawColorIcon(accentHex = accentColor()): PNG {
  const accent = hexToRgb(accentHex);
  const top = mix(accent, WHITE, 0.18);
  const bottom = mix(accent, [0, 0, 0], 0.22);
  const m = colorMotif();
  return render(192, [
    { shape: everywhere, color: (_x, y) => mix(top, bottom, y / 192) },
    { shape: m.fromBox, color: WHITE, alpha: 0.8 },
    { shape: m.arrow, color: WHITE },
    { shape: m.arrowHead, color: WHITE },
    { shape: m.toBox, color: WHITE },
    { shape: m.check, color: accent },
  ]);
}

export function drawOutlineIcon(): PNG {
  const m = outlineMotif();
  return render(32, [
    { shape: m.fromBox, color: WHITE },
    { shape: m.arrow, color: WHITE },
    { shape: m.arrowHead, color: WHITE },
    { shape: m.toBox, color: WHITE },
    { shape: m.check, color: WHITE, erase: true },
  ]);
}

export function encodePng(png: PNG): Buffer {
  return PNG.sync.write(png, { colorType: 6 });
}

// Run as a script: write both icons next to the manifest.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(`${MANIFEST_DIR}${COLOR_ICON}`, encodePng(drawColorIcon()));
  writeFileSync(`${MANIFEST_DIR}${OUTLINE_ICON}`, encodePng(drawOutlineIcon()));
  process.stdout.write(`wrote ${MANIFEST_DIR}${COLOR_ICON} and ${OUTLINE_ICON}\n`);
}
