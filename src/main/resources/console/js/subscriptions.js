// Subscriptions: each with its delivery state per host and the last message (including NOT_APPLICABLE reasons).
import { api, query } from './api.js';
import { badge, h, replace, table, when } from './dom.js';
import { every, frame, transportLabel } from './page.js';

const STATES = ['SUBSCRIBED', 'UNSUBSCRIBED', 'FAILED', 'NOT_APPLICABLE'];

export function mount(root) {
  const page = frame(root, 'Subscriptions',
    'What each host was sent of each subscription, and why a targeted host runs nothing. Refreshes every 10 seconds.');
  const list = h('div', { id: 'subscriptions' });
  page.section.append(list);

  const load = async () => {
    try {
      const subscriptions = await api(`/api/v1/subscriptions${query({ size: 100 })}`);
      const deliveries = await Promise.all(subscriptions.content.map(
        s => api(`/api/v1/subscriptions/${encodeURIComponent(s.id)}/deliveries${query({ size: 500 })}`)
          .catch(e => ({ error: e.message, content: [], totalElements: 0 }))));
      page.error('');
      replace(list, subscriptions.content.length === 0
        ? h('p', { class: 'empty' }, 'No subscriptions yet. Create one in Swagger UI (POST /api/v1/subscriptions).')
        : subscriptions.content.map((s, i) => card(s, deliveries[i])));
    } catch (e) {
      page.error(`Could not load subscriptions: ${e.message}`);
    }
  };
  return every(10000, load);
}

function card(subscription, deliveries) {
  const counts = {};
  for (const d of deliveries.content) {
    counts[d.state] = (counts[d.state] || 0) + 1;
  }
  const target = subscription.hosts.length || subscription.groups.length
    ? [subscription.hosts.length ? `hosts ${subscription.hosts.join(', ')}` : null,
      subscription.groups.length ? `groups ${subscription.groups.join(', ')}` : null].filter(Boolean).join('; ')
    : 'every host';
  const headingId = `sub-${subscription.id}`;
  return h('article', { class: 'card', 'aria-labelledby': headingId, dataset: { subscriptionId: subscription.id } },
    h('h2', { id: headingId }, subscription.name, ' ',
      subscription.enabled ? null : badge('disabled')),
    h('p', { class: 'query' }, h('code', {}, subscription.query)),
    h('p', { class: 'meta' },
      `${subscription.kind.toLowerCase().replace('_', ' ')} · every ${subscription.intervalSeconds} s · `
      + `${subscription.updateType.toLowerCase()} · revision ${subscription.revision} · targets ${target}`),
    h('p', { class: 'states' }, STATES.filter(s => counts[s]).map(s => h('span', {}, badge(s), ` ${counts[s]} `))),
    deliveries.error ? h('p', { class: 'message' }, deliveries.error) : null,
    deliveries.content.length === 0
      ? h('p', { class: 'empty' }, 'Not delivered to any host yet (no targeted host online).')
      : table(`Deliveries (${deliveries.totalElements})`,
        ['Host', 'State', 'Version', 'Transport', 'When', 'Last message'],
        deliveries.content.map(d => h('tr', { dataset: { hostId: d.hostId, state: d.state } },
          h('th', { scope: 'row' }, d.hostId),
          h('td', {}, badge(d.state)),
          h('td', {}, `${d.version}`),
          h('td', {}, transportLabel(d.transport)),
          h('td', {}, when(d.sentAt)),
          h('td', { class: 'wrap' }, d.message || '—'))),
        { class: 'deliveries' }));
}
