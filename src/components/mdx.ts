/**
 * The components authors may use in MDX, passed to `<Content components={…} />`.
 * Study sessions: `<Slide title="…">` (key points: a box on the reading page, one slide in the deck)
 * and `<Notes>` (speaker notes: only in the presenter view and the handout, never on the reading page).
 */
export { default as Slide } from './study/SlideBox.astro';
export { default as Notes } from './study/NotesOmitted.astro';
export { default as a } from './study/SiteLink.astro';
