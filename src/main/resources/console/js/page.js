// What every page shares: a heading, an error line, and a refresh loop that stops when the page is left.
import { h } from './dom.js';

/** The page's heading and an alert line for errors; returns {section, error(message)}. */
export function frame(root, title, intro) {
  const alert = h('p', { class: 'message', role: 'alert' });
  const section = h('section', { 'aria-labelledby': 'page-title' },
    h('h1', { id: 'page-title' }, title),
    intro ? h('p', { class: 'intro' }, intro) : null,
    alert);
  root.append(section);
  return {
    section,
    error(message) {
      alert.textContent = message || '';
    },
  };
}

/** Runs `task` now and then every `ms`, one run at a time; returns the function that stops it. */
export function every(ms, task) {
  let stopped = false;
  let timer;
  const run = async () => {
    try {
      await task();
    } finally {
      if (!stopped) {
        timer = setTimeout(run, ms);
      }
    }
  };
  run();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}

/** The transport as people say it: v1, v2, osquery. */
export function transportLabel(transport) {
  if (!transport) {
    return '—';
  }
  if (transport.endsWith('-v1')) {
    return 'v1 (ZeroMQ)';
  }
  if (transport.endsWith('-v2')) {
    return 'v2 (WebSocket)';
  }
  return transport;
}
