// Activity: the zeek-agent.log entries, newest first, filterable.
import { api, query } from './api.js';
import { badge, field, h, replace, table, when } from './dom.js';
import { every, frame } from './page.js';

export function mount(root) {
  const page = frame(root, 'Activity', 'The hub\'s zeek-agent.log, newest first. Refreshes every 10 seconds.');
  const level = h('select', { name: 'level' }, h('option', { value: '' }, 'any'),
    ['debug', 'info', 'warning', 'error'].map(l => h('option', { value: l }, l)));
  const source = h('input', { name: 'source', type: 'text', placeholder: 'host, local, security…', autocomplete: 'off' });
  const peer = h('input', { name: 'peer', type: 'text', placeholder: 'host id or peer', autocomplete: 'off' });
  const text = h('input', { name: 'text', type: 'search', placeholder: 'words in the message', autocomplete: 'off' });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter activity' },
    field('Level', level), field('Source', source), field('Peer', peer), field('Message contains', text),
    h('button', { type: 'submit' }, 'Filter'));
  const entries = h('div', { id: 'activity-entries' });
  page.section.append(form, entries);

  const load = async () => {
    try {
      const list = await api(`/api/v1/activity${query({ level: level.value, source: source.value,
        peer: peer.value, size: 200 })}`);
      page.error('');
      const words = text.value.trim().toLowerCase();
      const shown = words ? list.content.filter(e => e.message.toLowerCase().includes(words)) : list.content;
      replace(entries, shown.length === 0
        ? h('p', { class: 'empty' }, 'No entry matches.')
        : table(`${shown.length} of the newest ${list.content.length} of ${list.totalElements} entries`,
          ['Time', 'Level', 'Source', 'Peer', 'Message'],
          shown.map(e => h('tr', {},
            h('td', {}, when(e.ts)), h('td', {}, badge(e.level)), h('td', {}, e.source),
            h('td', { class: 'wrap' }, e.peer || '—'), h('td', { class: 'wrap' }, e.message))),
          { class: 'activity' }));
    } catch (e) {
      page.error(`Could not load activity: ${e.message}`);
    }
  };
  form.addEventListener('submit', e => {
    e.preventDefault();
    load();
  });
  return every(10000, load);
}
