// Fleet: hosts with status, transport, addresses, groups, last seen; counts per status; filters.
import { api, query } from './api.js';
import { badge, field, h, replace, table, when } from './dom.js';
import { every, frame, transportLabel } from './page.js';

const STATUSES = ['ONLINE', 'OFFLINE', 'PENDING'];
const PAGE_SIZE = 100;

export function mount(root) {
  const page = frame(root, 'Fleet', 'Every host the hub knows. Refreshes every 5 seconds.');
  const counts = h('dl', { class: 'counts', 'aria-label': 'Hosts per status' });
  const status = h('select', { name: 'status' },
    h('option', { value: '' }, 'any'), STATUSES.map(s => h('option', { value: s }, s.toLowerCase())));
  const group = h('input', { name: 'group', type: 'text', placeholder: 'e.g. linux', autocomplete: 'off' });
  const address = h('input', { name: 'address', type: 'text', placeholder: 'e.g. 10.0.0.5', autocomplete: 'off' });
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter hosts' },
    field('Status', status), field('Group', group), field('Address', address),
    h('button', { type: 'submit' }, 'Filter'));
  const results = h('div', { id: 'fleet-hosts' });
  const pager = h('p', { class: 'pager' });
  page.section.append(counts, form, results, pager);
  let pageNumber = 0;

  const load = async () => {
    try {
      const filter = { status: status.value, group: group.value, address: address.value };
      const [list, ...perStatus] = await Promise.all([
        api(`/api/v1/hosts${query({ ...filter, page: pageNumber, size: PAGE_SIZE })}`),
        ...STATUSES.map(s => api(`/api/v1/hosts${query({ status: s, size: 1 })}`)),
      ]);
      page.error('');
      replace(counts, STATUSES.map((s, i) => h('div', { class: `count count-${s.toLowerCase()}` },
        h('dt', {}, s.toLowerCase()), h('dd', { dataset: { status: s } }, `${perStatus[i].totalElements}`))));
      replace(results, list.content.length === 0
        ? h('p', { class: 'empty' }, 'No host matches. Start an agent or the simulator (docs/agents.md).')
        : table(`${list.totalElements} host(s)`,
          ['Host', 'Status', 'Transport', 'Addresses', 'Groups', 'Last seen'],
          list.content.map(row), { class: 'hosts' }));
      replace(pager,
        pageNumber > 0 ? h('button', { type: 'button', onclick: () => { pageNumber--; load(); } }, 'Previous') : null,
        list.totalPages > 1 ? ` page ${pageNumber + 1} of ${list.totalPages} ` : null,
        pageNumber + 1 < list.totalPages
          ? h('button', { type: 'button', onclick: () => { pageNumber++; load(); } }, 'Next') : null);
    } catch (e) {
      page.error(`Could not load hosts: ${e.message}`);
    }
  };
  form.addEventListener('submit', e => {
    e.preventDefault();
    pageNumber = 0;
    load();
  });
  return every(5000, load);
}

function row(host) {
  return h('tr', { dataset: { hostId: host.hostId } },
    h('th', { scope: 'row' }, h('span', { class: 'name' }, host.hostname || host.hostId),
      host.hostname ? h('span', { class: 'sub' }, host.hostId) : null),
    h('td', {}, badge(host.status)),
    h('td', { title: host.transport || '' }, transportLabel(host.transport),
      host.edition === 'osquery' ? ' · osquery' : null),
    h('td', {}, (host.addresses || []).join(', ') || '—'),
    h('td', {}, (host.groups || []).join(', ') || '—'),
    h('td', {}, when(host.lastSeen)));
}
