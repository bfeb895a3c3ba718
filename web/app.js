// Dossier's search page: wires the search box, results, facets, timeline and document view to
// the address (state.js) and the API (api.js).
import { ApiError, download, getJson, takeToken } from './api.js';
import { el, replaceChildren } from './dom.js';
import { renderDocument, renderSimilar } from './document.js';
import { renderFacets } from './facets.js';
import { installFilterBox } from './filter_box.js';
import { installKeys } from './keys.js';
import { renderHits, renderPager, renderSummary } from './results.js';
import { PAGE_SIZE, fromQuery, searchKey, searchParams, toQuery, toggled, withChanges } from './state.js';
import { renderTimeline } from './timeline.js';
import { renderWatchList, renderWatchSummary, watchHits } from './watches.js';

const $ = (id) => document.getElementById(id);
const view = {
  form: $('search'), q: $('q'), any: $('any'), exact: $('exact'), sort: $('sort'),
  message: $('message'), filters: $('filters'), facets: $('facet-list'), facetPanel: $('facet-panel'),
  results: $('results'), summary: $('summary'), timeline: $('timeline'), hits: $('hits'), pager: $('pager'),
  document: $('document'), main: $('main'), watchPanel: $('watch-panel'), watchList: $('watch-list'),
};

let state = fromQuery(location.search);
let shownSearch = null;  // the search key whose results are on the page
let lastResult = null;
let navigator = null;    // match navigator of the open document
let pending = null;      // AbortController of the request under way
let cameFromResults = false;  // the document view was opened from the results (so Back returns)

// What the page shows is complete: `data-ready` says what, `data-renders` counts the times (tests
// wait on these rather than on a clock).
function settled(what) {
  document.body.dataset.ready = what;
  document.body.dataset.renders = String(Number(document.body.dataset.renders || 0) + 1);
}

function showMessage(text) {
  view.message.textContent = text || '';
  view.message.hidden = !text;
}

/** Goes to `next`, a new entry in the history (`replace`: instead of the current one). */
function go(next, { replace = false } = {}) {
  cameFromResults = Boolean(next.doc) && !state.doc;
  state = next;
  const url = toQuery(next);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  render();
}

function syncForm() {
  if (document.activeElement !== view.q) view.q.value = state.q;
  view.any.checked = state.any;
  view.exact.checked = state.exact;
  view.sort.value = state.sort;
}

function renderFilters() {
  const chips = [];
  const chip = (label, remove) => chips.push(el('button', {
    type: 'button', class: 'chip', onclick: remove, 'aria-label': `Remove filter ${label}`,
  }, label, el('span', { 'aria-hidden': 'true' }, ' ×')));
  const name = (list, value) => (list.find((v) => v.value === value) || { name: value }).name;
  const facets = lastResult ? lastResult.facets : { country: [], actor: [], language: [], type: [] };
  for (const v of state.country) chip(`country: ${name(facets.country, v)}`, () => go(toggled(state, 'country', v)));
  for (const v of state.actor) chip(`actor: ${name(facets.actor, v)}`, () => go(toggled(state, 'actor', v)));
  for (const v of state.lang) chip(`language: ${name(facets.language, v)}`, () => go(toggled(state, 'lang', v)));
  for (const v of state.type) chip(`type: ${v}`, () => go(toggled(state, 'type', v)));
  if (state.since || state.until) {
    const range = state.since === state.until ? state.since : `${state.since || '…'} to ${state.until || '…'}`;
    chip(`date: ${range}`, () => go(withChanges(state, { since: '', until: '' })));
  }
  if (state.undated) chip('no date', () => go(withChanges(state, { undated: false })));
  replaceChildren(view.filters, ...chips);
  view.filters.hidden = chips.length === 0;
}

async function request(path, params) {
  if (pending) pending.abort();
  pending = new AbortController();
  try {
    return await getJson(path, params, pending.signal);
  } finally {
    pending = null;
  }
}

async function showResults() {
  view.document.hidden = true;
  view.results.hidden = false;
  view.facetPanel.hidden = false;
  const key = searchKey(state);
  if (key === shownSearch) {
    settled('results');
    return;
  }
  view.results.setAttribute('aria-busy', 'true');
  try {
    const result = await request('/api/search', searchParams(state, { paging: true }));
    lastResult = result;
    shownSearch = key;
    showMessage('');
    renderFilters();
    renderSummary(view.summary, result, (q) => go(withChanges(state, { q })));
    renderTimeline(view.timeline, result.timeline, state, {
      setRange: (since, until) => go(withChanges(state, { since, until, undated: false })),
      toggleUndated: () => go(withChanges(state, { undated: !state.undated, since: '', until: '' })),
    });
    renderHits(view.hits, result, state, (id) => go(withChanges(state, { doc: String(id), offset: state.offset })));
    renderPager(view.pager, result, state, (offset) => go(withChanges(state, { offset })));
    renderFacets(view.facets, result, state, {
      toggle: (name, value) => go(toggled(state, name, value)),
      toggleYear: (year) => go(state.since === year && state.until === year
        ? withChanges(state, { since: '', until: '' }) : withChanges(state, { since: year, until: year, undated: false })),
    });
    settled('results');
  } catch (error) {
    if (error.name === 'AbortError') return;
    failed(error);
  } finally {
    view.results.removeAttribute('aria-busy');
  }
}

// The watch list beside the results, fetched again on every view (answers are cached per index
// revision, so this is cheap): its counts follow the index.
async function refreshWatches() {
  try {
    const answer = await getJson('/api/watches');
    renderWatchList(view.watchPanel, view.watchList, answer, state.watch,
      (name) => go(withChanges(fromQuery(''), { watch: name })));
    view.watchPanel.dataset.ready = String(Number(view.watchPanel.dataset.ready || 0) + 1);
  } catch (_) {
    view.watchPanel.hidden = true;  // the search's own request reports what is wrong
  }
}

// A watch's new and changed matches, as hits.
async function showWatch() {
  view.document.hidden = true;
  view.results.hidden = false;
  view.facetPanel.hidden = false;
  const key = `watch=${state.watch}`;
  if (key === shownSearch) {
    settled('watch');
    return;
  }
  view.results.setAttribute('aria-busy', 'true');
  try {
    const answer = await request(`/api/watches/${encodeURIComponent(state.watch)}`,
      new URLSearchParams({ n: String(PAGE_SIZE) }));
    lastResult = null;
    shownSearch = key;
    showMessage('');
    renderFilters();
    renderWatchSummary(view.summary, answer, (watch) => go(withChanges(fromQuery(''), {
      q: watch.query, country: watch.countries, actor: watch.actors, any: watch.any,
    })));
    view.timeline.hidden = true;
    replaceChildren(view.pager);
    replaceChildren(view.facets);
    renderHits(view.hits, { hits: watchHits(answer) }, state,
      (id) => go(withChanges(state, { doc: String(id), offset: state.offset })));
    settled('watch');
  } catch (error) {
    if (error.name === 'AbortError') return;
    failed(error);
  } finally {
    view.results.removeAttribute('aria-busy');
  }
}

function failed(error) {
  shownSearch = null;
  const text = error instanceof ApiError ? error.message : `The server did not answer (${error.message}).`;
  showMessage(text);
  replaceChildren(view.hits);
  replaceChildren(view.summary);
  replaceChildren(view.pager);
  view.timeline.hidden = true;
  settled('error');
}

async function showDocument() {
  const id = state.doc;
  view.results.hidden = true;
  view.facetPanel.hidden = true;
  view.document.hidden = false;
  replaceChildren(view.document, el('p', { class: 'loading' }, 'Opening…'));
  const actions = {
    back,
    filter: (name, value) => go(state[name].includes(value) ? withChanges(state, {}) : toggled(state, name, value)),
    open: (other) => go(withChanges(state, { doc: String(other), offset: state.offset })),
  };
  try {
    const params = new URLSearchParams();
    if (state.q && state.q !== '*') params.set('q', state.q);
    if (state.exact) params.set('exact', '1');
    const doc = await request(`/api/documents/${encodeURIComponent(id)}`, params);
    if (state.doc !== id) return;
    showMessage('');
    navigator = renderDocument(view.document, doc, actions);
    document.title = `${doc.title || doc.path} · Dossier`;
    view.document.focus({ preventScroll: true });
    window.scrollTo(0, 0);
    if (navigator.count) navigator.next();
    settled('document');
    const similar = await getJson(`/api/similar/${encodeURIComponent(id)}`, new URLSearchParams({ n: '5' }));
    if (state.doc === id) renderSimilar(view.document, similar, actions.open);
  } catch (error) {
    if (error.name === 'AbortError') return;
    navigator = null;
    showMessage(error instanceof ApiError ? error.message : `The server did not answer (${error.message}).`);
    replaceChildren(view.document);
    settled('error');
  }
}

function back() {
  if (cameFromResults) history.back();
  else go(withChanges(state, { doc: '', offset: state.offset }));
}

function render() {
  syncForm();
  navigator = null;
  document.body.dataset.ready = 'loading';
  if (state.doc) {
    showDocument();
    return;
  }
  refreshWatches();
  if (state.watch) {
    document.title = `${state.watch} · Dossier`;
    showWatch();
  } else {
    document.title = state.q ? `${state.q} · Dossier` : 'Dossier';
    showResults();
  }
}

function submit(event) {
  event.preventDefault();
  go(withChanges(state, { q: view.q.value.trim(), any: view.any.checked, exact: view.exact.checked, sort: view.sort.value }));
}

async function exportResults(format) {
  const params = searchParams(state, { paging: false });
  try {
    await download(`/api/export.${format}`, params, `dossier-export.${format}`);
  } catch (error) {
    showMessage(error.message);
  }
}

function start() {
  takeToken();
  view.form.addEventListener('submit', submit);
  for (const box of [view.any, view.exact, view.sort]) box.addEventListener('change', submit);
  $('export-csv').addEventListener('click', () => exportResults('csv'));
  $('export-jsonl').addEventListener('click', () => exportResults('jsonl'));
  installFilterBox($('filter-box'), (name, value) => {
    if (!state[name].includes(value)) go(toggled(state, name, value));
  });
  $('home').addEventListener('click', (event) => {
    event.preventDefault();
    go(fromQuery(''));
  });
  window.addEventListener('popstate', () => {
    cameFromResults = false;
    state = fromQuery(location.search);
    render();
  });
  installKeys({
    focusSearch: () => { view.q.focus(); view.q.select(); },
    inDocument: () => Boolean(state.doc),
    nextMatch: () => navigator && navigator.next(),
    previousMatch: () => navigator && navigator.previous(),
    back,
  });
  // Wide screens show the facets beside the results; narrow ones fold them away.
  const wide = window.matchMedia('(min-width: 900px)');
  const fold = () => { view.facetPanel.open = wide.matches; };
  wide.addEventListener('change', fold);
  fold();
  render();
}

start();
