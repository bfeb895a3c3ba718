// The timeline: matches by month (by year over long spans), drawn as SVG bars; a bar sets
// since/until to its period, a second click clears them; a "no date" bar keeps undated reports.
import { el, svg, count, plural, replaceChildren } from './dom.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MAX_MONTH_BARS = 96;  // past eight years of months, one bar per year
const HEIGHT = 80;
const MAX_BAR = 28;  // px: a few periods do not fill the whole width
const UNDATED_BAR = 28;
const GAP = 16;

function monthIndex(value) {  // "2024-03" -> months since year 0
  const [year, month] = value.split('-').map(Number);
  return year * 12 + month - 1;
}

function monthValue(index) {
  const year = Math.floor(index / 12);
  const month = String((index % 12) + 1).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${month}`;
}

// The bars: [{value, label, count}] for every period between the first and the last match, and
// the reports dated to a year only, which month bars cannot show.
function periods(timeline) {
  const months = timeline.months;
  const first = months.length ? monthIndex(months[0].value) : null;
  const last = months.length ? monthIndex(months[months.length - 1].value) : null;
  const years = new Map(timeline.years.map((y) => [y.value, y.count]));
  const yearSpan = [...years.keys(), ...months.map((m) => m.value.slice(0, 4))].map(Number);
  if (first !== null && last - first < MAX_MONTH_BARS) {
    const counts = new Map(months.map((m) => [m.value, m.count]));
    const bars = [];
    for (let i = first; i <= last; i += 1) {
      const value = monthValue(i);
      bars.push({ value, label: `${MONTHS[i % 12]} ${value.slice(0, 4)}`, count: counts.get(value) || 0,
        tick: i % 12 === 0 || i === first ? value.slice(0, 4) : null });
    }
    const yearOnly = [...years.entries()].reduce((sum, [, n]) => sum + n, 0);
    return { bars, yearOnly };
  }
  if (!yearSpan.length) return { bars: [], yearOnly: 0 };
  // By year: a year's bar holds its months and the reports dated to that year only, which is what
  // since=until=YEAR keeps.
  const counts = new Map();
  for (const m of months) counts.set(m.value.slice(0, 4), (counts.get(m.value.slice(0, 4)) || 0) + m.count);
  for (const [year, n] of years) counts.set(year, (counts.get(year) || 0) + n);
  const low = Math.min(...yearSpan);
  const high = Math.max(...yearSpan);
  const bars = [];
  for (let y = low; y <= high; y += 1) {
    const value = String(y).padStart(4, '0');
    bars.push({ value, label: value, count: counts.get(value) || 0, tick: (y - low) % 5 === 0 ? value : null });
  }
  return { bars, yearOnly: 0 };
}

const drawn = new WeakMap();  // node -> the arguments of its last drawing, to redraw on resize
const resizes = new ResizeObserver((entries) => {
  for (const entry of entries) {
    const last = drawn.get(entry.target);
    if (last && Math.abs(last.width - entry.contentRect.width) > 1) renderTimeline(entry.target, ...last.args);
  }
});

/** Draws `timeline` (from /api/search) into `node`, one SVG pixel per screen pixel (redrawn when
 *  the width changes). `setRange(since, until)` filters by date ('' clears), `toggleUndated()`
 *  flips the "no date" filter. */
export function renderTimeline(node, timeline, state, actions) {
  const { bars, yearOnly } = periods(timeline);
  if (!bars.length && !timeline.undated) {
    replaceChildren(node);
    node.hidden = true;
    return;
  }
  node.hidden = false;
  const width = Math.max(200, Math.floor(node.clientWidth || 600));
  drawn.set(node, { width, args: [timeline, state, actions] });
  resizes.observe(node);
  const room = width - UNDATED_BAR - GAP;
  const step = Math.min(MAX_BAR, room / Math.max(1, bars.length));
  const most = Math.max(1, timeline.undated, ...bars.map((b) => b.count));
  const scale = (n) => (n ? Math.max(2, (HEIGHT * n) / most) : 0);
  const chart = svg('svg', {
    viewBox: `0 0 ${width} ${HEIGHT + 16}`, width, height: HEIGHT + 16, class: 'chart', role: 'group',
    'aria-label': 'Matches by date; choose a bar to keep its period',
  });
  const selected = (value) =>
    state.since && state.until && state.since <= value && value.slice(0, state.until.length) <= state.until;
  let lastTick = -Infinity;
  bars.forEach((bar, i) => {
    const x = i * step;
    const on = selected(bar.value);
    const title = `${bar.label}: ${plural(bar.count, 'report')}`;
    const height = scale(bar.count);
    const rect = svg('rect', { x: x + step * 0.1, y: HEIGHT - height, width: Math.max(1, step * 0.8), height,
      class: on ? 'bar on' : 'bar' });
    const area = svg('rect', { x, y: 0, width: step, height: HEIGHT, class: 'hit-area' });
    if (bar.count) {
      chart.append(periodLink(title, bar.value, [area, rect], () => {
        if (state.since === bar.value && state.until === bar.value) actions.setRange('', '');
        else actions.setRange(bar.value, bar.value);
      }));
    } else {
      chart.append(svg('g', {}, svg('title', {}, title), area, rect));
    }
    // Labels need about 30 px each.
    if (bar.tick && x - lastTick >= 30) {
      chart.append(svg('text', { x, y: HEIGHT + 13, class: 'tick' }, bar.tick));
      lastTick = x;
    }
  });
  const x = width - UNDATED_BAR;
  const undatedTitle = `no date: ${plural(timeline.undated, 'report')}`;
  chart.append(periodLink(undatedTitle, 'none', [
    svg('rect', { x, y: 0, width: UNDATED_BAR, height: HEIGHT, class: 'hit-area' }),
    svg('rect', { x: x + 3, y: HEIGHT - scale(timeline.undated), width: UNDATED_BAR - 6, height: scale(timeline.undated),
      class: state.undated ? 'bar none on' : 'bar none' }),
  ], actions.toggleUndated), svg('text', { x: x - 2, y: HEIGHT + 13, class: 'tick' }, 'none'));
  const notes = [];
  if (yearOnly) notes.push(`${plural(yearOnly, 'report')} dated to a year only (not in the month bars)`);
  if (timeline.undated) notes.push(`${count(timeline.undated)} without a date`);
  replaceChildren(node, chart, notes.length ? el('figcaption', {}, notes.join(' · ')) : null);
}

// A bar that can be clicked or chosen with the keyboard (an SVG link is focusable).
function periodLink(title, period, shapes, choose) {
  const link = svg('a', { href: '#', 'aria-label': title, class: 'period', 'data-period': period },
    svg('title', {}, title), ...shapes);
  link.addEventListener('click', (event) => {
    event.preventDefault();
    choose();
  });
  return link;
}
