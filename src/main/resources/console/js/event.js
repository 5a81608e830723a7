// One socket event, as the attribution page links to it.
import { api } from './api.js';
import { h } from './dom.js';
import { frame } from './page.js';

export function mount(root, [seuid = '']) {
  const page = frame(root, 'Socket event', null);
  const body = h('div', {});
  page.section.append(body, h('p', {}, h('a', { href: '#/attribute' }, 'Back to Attribute')));
  api(`/api/v1/socket-events/${encodeURIComponent(seuid)}`)
    .then(event => body.append(h('dl', { class: 'record' },
      Object.entries(event).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v === null ? '—' : `${v}`)]))))
    .catch(e => page.error(`Could not load socket event ${seuid}: ${e.message}`));
  return () => {};
}
