// A small SVG line chart: no library, drawn with DOM calls (no inline style, so the CSP can forbid it).
import { h } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 300;
const HEIGHT = 80;

function svg(tag, attributes) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    element.setAttribute(name, `${value}`);
  }
  return element;
}

function rate(value) {
  if (value >= 100) {
    return Math.round(value).toLocaleString('en');
  }
  return value.toLocaleString('en', { maximumFractionDigits: value >= 10 ? 1 : 2 });
}

/** A figure with the series' label, its latest rate, and its line over the window. */
export function chart(series, windowSeconds) {
  const values = series.perSecond;
  const last = values.length ? values[values.length - 1] : 0;
  const max = Math.max(1, ...values);
  const image = svg('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`, preserveAspectRatio: 'none', class: 'spark', role: 'img',
    'aria-label': `${series.label}: ${rate(last)} per second now, ${Math.round(series.total)} in the window`,
  });
  image.append(svg('line', { x1: 0, y1: HEIGHT - 0.5, x2: WIDTH, y2: HEIGHT - 0.5, class: 'axis' }));
  if (values.length > 1) {
    const step = WIDTH / (values.length - 1);
    const points = values.map((v, i) => `${(i * step).toFixed(1)},${(HEIGHT - 2 - (v / max) * (HEIGHT - 6)).toFixed(1)}`);
    image.append(svg('polyline', { points: points.join(' '), class: `line line-${series.kind}` }));
  }
  const minutes = Math.round(windowSeconds / 60);
  return h('figure', { class: `chart chart-${series.kind}`,
    dataset: { series: series.id, last: `${last}`, total: `${series.total}` } },
  h('figcaption', {},
    h('span', { class: 'label' }, series.label),
    h('span', { class: 'value' }, `${rate(last)}/s`)),
  image,
  h('p', { class: 'scale' }, `peak ${rate(max === 1 && values.every(v => v === 0) ? 0 : max)}/s · `
    + `${Math.round(series.total).toLocaleString('en')} in ${minutes} min`));
}
