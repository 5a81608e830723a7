// Flow: the hub's own rates over the last window, redrawn at every sample.
import { api } from './api.js';
import { chart } from './chart.js';
import { h, replace } from './dom.js';
import { every, frame } from './page.js';

export function mount(root) {
  const page = frame(root, 'Flow',
    'Rates per second from the hub\'s own meters over the last 15 minutes. Redraws with every sample.');
  const rates = h('div', { class: 'charts', id: 'flow-rates' });
  const dropsTitle = h('h2', {}, 'Drops by reason');
  const drops = h('div', { class: 'charts', id: 'flow-drops' });
  page.section.append(rates, dropsTitle, drops);
  let interval = 5000;

  const load = async () => {
    try {
      const data = await api('/api/v1/metrics/series');
      page.error('');
      interval = Math.max(1000, data.intervalSeconds * 1000);
      const rateSeries = data.series.filter(s => s.kind === 'rate');
      const dropSeries = data.series.filter(s => s.kind === 'drop');
      const totalDrops = {
        id: 'drops', label: 'All drops', kind: 'drop',
        perSecond: data.times.map((_, i) => dropSeries.reduce((sum, s) => sum + (s.perSecond[i] || 0), 0)),
        total: dropSeries.reduce((sum, s) => sum + s.total, 0),
      };
      replace(rates, rateSeries.map(s => chart(s, data.windowSeconds)), chart(totalDrops, data.windowSeconds));
      const dropping = dropSeries.filter(s => s.total > 0);
      replace(drops, dropping.length
        ? dropping.map(s => chart(s, data.windowSeconds))
        : h('p', { class: 'empty' }, `Nothing was dropped in the window (${dropSeries.length} reasons watched).`));
      if (data.times.length < 2) {
        page.error('Collecting samples: the charts fill in over the next seconds.');
      }
    } catch (e) {
      page.error(`Could not load the series: ${e.message}`);
    }
  };
  let stop = every(interval, load);
  // The sample interval is only known after the first answer: poll at that pace from then on.
  const retune = setTimeout(() => {
    stop();
    stop = every(interval, load);
  }, 1500);
  return () => {
    clearTimeout(retune);
    stop();
  };
}
