/**
 * Serves the built site ($DIST_DIR, default dist/) with the README's production recipe in Debian's nginx
 * (scripts/lib/nginx.ts) for the journeys-nginx project: the same journeys, behind the recipe's MIME types,
 * compression, caching and security headers (its header CSP on top of each page's CSP meta tag).
 */
import type { TestProject } from 'vitest/node';
import { startNginx } from '../../scripts/lib/nginx.ts';

export default async function setup(project: TestProject) {
  const server = await startNginx({ root: process.env.DIST_DIR || 'dist' });
  project.provide('baseUrl', server.url);
  return async () => server.close();
}
