/**
 * The one client entry for a page's sharing and reading tools: <tt-share>, <tt-listen> and
 * <tt-provisions>. Each element keeps its code in its own .ts beside its component; they are loaded
 * together because a document page carries all three, and four small scripts (each gzipped on its
 * own) would cost the plan page ~600 B more than one, past its 3 KB JavaScript budget.
 * Included by ShareButton.astro, which every page with any of these tools has.
 */
import './share-button.ts';
import '../listen/listen-element.ts';
import '../document/provision-tools.ts';
