/** <tt-share>: the page's "Chia sẻ" button (see ShareButton.astro). */
import { cue, shareOrCopy } from './clipboard.ts';

class ShareButton extends HTMLElement {
  connectedCallback() {
    const b = this.querySelector('button')!;
    const d = this.dataset;
    b.addEventListener('click', async () => cue(b, await shareOrCopy({ title: d.title!, text: d.text!, url: d.url! }), d, d.url!));
  }
}
customElements.define('tt-share', ShareButton);
