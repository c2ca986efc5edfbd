/** <tt-provisions>: copy and share actions on every provision heading (see ProvisionTools.astro). */
import sheetUrl from './provision-tools.css?url';
import { copy, cue, shareOrCopy } from '../share/clipboard.ts';
import { lateStyle } from '../layout/late-style.ts';
import { settling } from '../layout/settled.ts';

class ProvisionTools extends HTMLElement {
  connectedCallback() {
    void settling(lateStyle(sheetUrl).then(() => this.build()));
  }

  private build() {
    const d = this.dataset;
    for (const h of this.querySelectorAll<HTMLElement>('[data-provision]')) {
      const box = document.createElement('span');
      box.className = 'provision-tools';
      box.dataset.chrome = '';
      const url = `${location.origin}${location.pathname}#${h.id}`;
      // Shared links use the public (canonical) address, like the page's own "Chia sẻ".
      const shareUrl = `${d.url}#${h.id}`;
      const cite = `${h.dataset.label} ${d.docLabel}`;
      for (const [label, act] of [
        [d.tLink!, () => copy(url)],
        [d.tCite!, () => copy(cite)],
        [d.tShare!, () => shareOrCopy({ title: cite, text: cite, url: shareUrl })],
      ] as const) {
        const b = document.createElement('button');
        b.type = 'button';
        b.textContent = label;
        b.addEventListener('click', async () => cue(b, await act(), d, label === d.tLink ? url : label === d.tCite ? cite : `${cite} ${shareUrl}`));
        box.append(b);
      }
      h.after(box);
    }
  }
}
customElements.define('tt-provisions', ProvisionTools);
