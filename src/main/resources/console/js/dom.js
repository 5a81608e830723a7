// Small DOM helpers. Text is always set as text (never as HTML), so nothing the hub returns can become markup.

/** Creates an element: h('td', {class: 'x', dataset: {a: 1}}, 'text', child, ...). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'dataset') {
      Object.assign(element.dataset, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.substring(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, `${value}`);
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    if (Array.isArray(child)) {
      append(element, child);
    } else {
      element.append(child instanceof Node ? child : document.createTextNode(`${child}`));
    }
  }
}

/** Replaces the children of `element`. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
}

/** A labelled form control: label + control, wrapped so that CSS can lay them out. */
export function field(label, control) {
  const id = control.id || `f-${Math.random().toString(36).slice(2)}`;
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

/** "3 s ago", "5 min ago"... with the exact time as a tooltip. */
export function when(iso) {
  if (!iso) {
    return h('span', {}, '—');
  }
  const t = new Date(iso);
  const seconds = Math.round((Date.now() - t.getTime()) / 1000);
  let text;
  if (seconds < 60) {
    text = `${Math.max(0, seconds)} s ago`;
  } else if (seconds < 3600) {
    text = `${Math.round(seconds / 60)} min ago`;
  } else if (seconds < 86400) {
    text = `${Math.round(seconds / 3600)} h ago`;
  } else {
    text = t.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  }
  return h('time', { datetime: iso, title: iso }, text);
}

/** A status badge, styled by its value. */
export function badge(value) {
  return h('span', { class: `badge badge-${`${value}`.toLowerCase()}` }, `${value}`);
}

/** A table with a caption, header cells and rows of cells. */
export function table(caption, headers, rows, attributes = {}) {
  return h('div', { class: 'table-wrap' },
    h('table', attributes,
      h('caption', {}, caption),
      h('thead', {}, h('tr', {}, headers.map(x => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, rows)));
}
