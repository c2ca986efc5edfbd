/**
 * The components authors may use in MDX, passed to `<Content components={…} />`.
 * Study sessions: `<Slide title="…">` (key points: a box on the reading page, one slide in the deck)
 * and `<Notes>` (speaker notes: only in the presenter view and the handout, never on the reading page).
 * `<Nguon id="…" />` (a public-source citation) needs no component: src/markdown/rehype-nguon.ts compiles it, in
 * documents and study sessions alike, into a footnote mark and the numbered source list under its section.
 */
export { default as Slide } from './study/SlideBox.astro';
export { default as Notes } from './study/NotesOmitted.astro';
export { default as a } from './study/SiteLink.astro';
