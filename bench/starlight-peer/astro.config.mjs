// A stock Starlight site (no customisation beyond the title and language), the benchmark's peer.
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

export default defineConfig({
  integrations: [
    starlight({
      title: 'Trí thức Điện Biên',
      defaultLocale: 'root',
      locales: { root: { label: 'Tiếng Việt', lang: 'vi' } },
    }),
  ],
});
