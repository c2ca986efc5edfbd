// The core encoder of the `qrcode` package, imported directly so the certificate page does not
// ship its canvas and string renderers.
declare module 'qrcode/lib/core/qrcode.js' {
  export function create(
    text: string,
    options?: { errorCorrectionLevel?: 'L' | 'M' | 'Q' | 'H' },
  ): { modules: { size: number; data: Uint8Array | boolean[] } };
}
