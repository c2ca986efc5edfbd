/** URL helpers that respect the deployment base path (the site may live under a sub-path). */

/**
 * Joins the base path and a site path, keeping exactly one slash between them.
 * @example joinBase('/tri-thuc/', '/van-ban/') // "/tri-thuc/van-ban/"
 */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}
