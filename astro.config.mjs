// @ts-check
// Integrations and Vite plugins only; site-specific settings live in src/site.config.ts.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { unified } from '@astrojs/markdown-remark';
import { rehypeProvisionAnchors } from './src/markdown/rehype-provision-anchors.ts';
import { remarkCrossReferences } from './src/markdown/remark-cross-references.ts';
import { rehypeCanCu } from './src/markdown/rehype-can-cu.ts';
import { rehypeStudyHeadings } from './src/markdown/rehype-study-headings.ts';
import { rehypeNguon } from './src/markdown/rehype-nguon.ts';

import { cspPerPage } from './src/integrations/csp-per-page.ts';
import { deferModuleScripts } from './src/integrations/defer-modules.ts';
import { pruneInlineCss } from './src/integrations/prune-css.ts';
import { rewritePages } from './src/integrations/html-files.ts';
import { siteConfig } from './src/site.config.ts';

/** Deployment settings come from the environment so one build can target any host or sub-path. */
const site = siteConfig.url;
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  outDir: process.env.ASTRO_OUT_DIR || './dist',
  // Keep caches inside the project (not node_modules) so several checkouts can share node_modules.
  cacheDir: './.astro/cache',
  build: { format: 'directory', inlineStylesheets: 'always' },
  markdown: {
    processor: unified({
      smartypants: false, // official text must keep its own quotes and dashes
      remarkPlugins: [[remarkCrossReferences, { base }]],
      rehypePlugins: [rehypeStudyHeadings, rehypeProvisionAnchors, [rehypeCanCu, { base }], rehypeNguon],
    }),
  },
  security: {
    // Strict CSP as a <meta> tag: Astro hashes every script and style it emits; no 'unsafe-inline'.
    // 'wasm-unsafe-eval' lets Pagefind run its WebAssembly search core; nothing is allowed from other hosts.
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "manifest-src 'self'",
        "media-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
      styleDirective: { resources: ["'self'"] },
    },
  },
  // Posters are for printing, not for search engines (they are noindex too).
  integrations: [mdx(), sitemap({ filter: (page) => !/\/ap-phich\/$/.test(page) }), rewritePages([deferModuleScripts(base), pruneInlineCss(), cspPerPage])],
  // Every script stays a file (none inlined), so defer-modules can load them all after the first paint.
  vite: {
    plugins: [tailwindcss()],
    cacheDir: './.astro/vite',
    build: { assetsInlineLimit: 0 },
  },
  devToolbar: { enabled: false },
});
