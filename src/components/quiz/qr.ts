/**
 * QR codes drawn in the browser as SVG from the matrix of the `qrcode` core encoder. The encoder
 * (about 8 KB gzip) is imported only when a code is drawn, so pages that may never show one (the
 * deck, the quiz page, the trainer page before a session is opened) do not pay for it.
 */
const SVG = 'http://www.w3.org/2000/svg';

/** An SVG of the QR matrix: one path, dark modules as 1×1 squares, quiet zone of 4, labelled for screen readers. */
export async function qrSvg(text: string, label: string): Promise<SVGSVGElement> {
  const { create } = await import('qrcode/lib/core/qrcode.js');
  const { size, data } = create(text, { errorCorrectionLevel: 'M' }).modules;
  const n = size + 8;
  let d = '';
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) if (data[y * size + x]) d += `M${x + 4} ${y + 4}h1v1h-1z`;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${n} ${n}`);
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.dataset.text = text;
  const bg = document.createElementNS(SVG, 'rect');
  bg.setAttribute('width', String(n));
  bg.setAttribute('height', String(n));
  bg.setAttribute('fill', '#fff');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', d);
  path.setAttribute('fill', '#000');
  svg.append(bg, path);
  return svg;
}
