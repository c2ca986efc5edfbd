/** Build-time QR codes for posters: an inline SVG (black on white, no network, no client code). */
import QRCode from 'qrcode';

/** The SVG of a QR code for `url`, marked decorative (the wrapper carries role="img" and the label). */
export async function qrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
  return svg.replace('<svg ', '<svg aria-hidden="true" focusable="false" ');
}

/** A URL as printed under a QR code: no scheme, no trailing slash. */
export function shortUrl(url: string): string {
  return url.replace(/^https?:\/\//, '').replace(/\/$/, '');
}
