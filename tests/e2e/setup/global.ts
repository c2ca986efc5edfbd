/**
 * Serves the built site ($DIST_DIR, default dist/) on a free loopback port for the e2e project
 * and hands the base URL to the tests through `inject('baseUrl')`.
 */
import type { TestProject } from 'vitest/node';
import { startStaticServer } from '../../../scripts/lib/static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dir = process.env.DIST_DIR || 'dist';
  const basePath = process.env.BASE_PATH || '/';
  const server = await startStaticServer({ root: dir, basePath, port: 0 });
  project.provide('baseUrl', server.url);
  return async () => server.close();
}
