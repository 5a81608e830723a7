// Attribute: a conn.log line (JSON, or TSV with its header) or a 5-tuple in, the processes behind it out.
import { api } from './api.js';
import { field, h, replace, table, when } from './dom.js';
import { frame } from './page.js';
import { fromTuple, parseConn } from './conn.js';

export function mount(root) {
  const page = frame(root, 'Attribute',
    'Which host and process made a connection: paste a conn.log record, or fill in its 5-tuple.');
  const line = h('textarea', { name: 'conn', rows: 4, spellcheck: 'false',
    placeholder: '{"ts": 1795996800.25, "uid": "C…", "id.orig_h": "10.0.0.1", "id.orig_p": 50000, …}' });
  const pasteForm = h('form', { class: 'stack', id: 'attribute-line', 'aria-labelledby': 'paste-title' },
    h('h2', { id: 'paste-title' }, 'conn.log record'),
    field('JSON line, or TSV header and row', line),
    h('button', { type: 'submit' }, 'Attribute record'));

  const input = (name, attributes = {}) => h('input', { name, type: 'text', autocomplete: 'off', ...attributes });
  const origH = input('orig_h', { required: true, placeholder: '10.0.0.1' });
  const origP = input('orig_p', { required: true, inputmode: 'numeric', placeholder: '50000' });
  const respH = input('resp_h', { required: true, placeholder: '10.0.0.2' });
  const respP = input('resp_p', { required: true, inputmode: 'numeric', placeholder: '443' });
  const proto = h('select', { name: 'proto' }, ['tcp', 'udp', 'icmp'].map(p => h('option', { value: p }, p)));
  const ts = input('ts', { placeholder: '2026-11-30T00:00:00Z or epoch seconds' });
  const tupleForm = h('form', { class: 'tuple', id: 'attribute-tuple', 'aria-labelledby': 'tuple-title' },
    h('h2', { id: 'tuple-title' }, '5-tuple'),
    h('div', { class: 'grid' },
      field('Originator address', origH), field('Originator port', origP),
      field('Responder address', respH), field('Responder port', respP),
      field('Protocol', proto), field('Time (optional)', ts)),
    h('button', { type: 'submit' }, 'Attribute connection'));
  const result = h('div', { id: 'attribution', 'aria-live': 'polite' });
  page.section.append(h('div', { class: 'two' }, pasteForm, tupleForm), result);

  const attribute = async record => {
    replace(result, h('p', {}, 'Looking up…'));
    try {
      const answer = await api('/api/v1/attributions', { method: 'POST', body: JSON.stringify(record) });
      page.error('');
      replace(result, render(answer));
    } catch (e) {
      replace(result);
      const fields = (e.problem?.errors || []).map(x => `${x.field}: ${x.message}`).join('; ');
      page.error(`Could not attribute: ${fields || e.message}`);
    }
  };
  pasteForm.addEventListener('submit', e => {
    e.preventDefault();
    try {
      attribute(parseConn(line.value));
    } catch (error) {
      page.error(error.message);
      line.focus();
    }
  });
  tupleForm.addEventListener('submit', e => {
    e.preventDefault();
    attribute(fromTuple({ origH: origH.value, origP: origP.value, respH: respH.value, respP: respP.value,
      proto: proto.value, ts: ts.value }));
  });
  return () => {};
}

function render(answer) {
  const matches = answer.matches || [];
  const extra = ['tier', 'complete'].filter(k => matches.some(m => k in m) || k in answer);
  const summary = h('p', { class: 'meta' },
    answer.uid ? `uid ${answer.uid} · ` : '', `Community ID ${answer.community_id ?? answer.communityId ?? '—'}`,
    extra.filter(k => k in answer).map(k => ` · ${k} ${answer[k]}`));
  if (matches.length === 0) {
    return [summary, h('p', { class: 'empty' },
      'No socket event matches: neither address belongs to a known host, or no event of theirs fits the time.')];
  }
  return [summary, table(`${matches.length} matching socket event(s)`,
    ['Side', 'Host', 'Process', 'PID', 'User', 'Syscall', 'Time', ...extra, 'Event'],
    matches.map(m => h('tr', { dataset: { seuid: m.seuid } },
      h('td', {}, m.side),
      h('th', { scope: 'row' }, m.hostname || m.hostId, m.hostname ? h('span', { class: 'sub' }, m.hostId) : null),
      h('td', { class: 'process' }, m.exe || '—'),
      h('td', {}, m.pid ?? '—'),
      h('td', {}, m.uid ?? '—'),
      h('td', {}, m.syscall || '—'),
      h('td', {}, when(m.time)),
      extra.map(k => h('td', {}, k in m ? `${m[k]}` : '—')),
      h('td', {}, h('a', { href: `#/event/${encodeURIComponent(m.seuid)}` }, m.seuid)))),
    { class: 'matches' })];
}
