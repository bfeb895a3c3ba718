// The hit list: title, date, path, countries, actors and the highlighted snippet of each hit,
// the summary line and the pager.
import { el, count, plural, replaceChildren } from './dom.js';
import { PAGE_SIZE, toQuery, withChanges } from './state.js';

/** Fills `list` with the hits of `result`; `open(id)` opens a document. */
export function renderHits(list, result, state, open) {
  replaceChildren(list, ...result.hits.map((hit) => hitItem(hit, state, open)));
}

function hitItem(hit, state, open) {
  const link = el('a', { href: toQuery(withChanges(state, { doc: String(hit.id), offset: state.offset })), class: 'hit-link' },
    hit.title || hit.path);
  link.addEventListener('click', (event) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    open(hit.id);
  });
  const meta = [hit.date || 'no date', hit.path, hit.format, hit.language, hit.page ? `p. ${hit.page}` : null]
    .filter(Boolean);
  const snippet = el('p', { class: 'snippet' });
  // The one place a hit's text is HTML: the server escaped it and added only <b> around matches.
  snippet.innerHTML = hit.snippet;
  return el('li', { class: 'hit', 'data-id': hit.id },
    el('h3', {}, el('span', { class: 'rank' }, `${hit.rank}.`), ' ', link),
    el('p', { class: 'meta' }, meta.map((part, i) => [i ? ' · ' : '', el('span', {}, part)])),
    snippet,
    tags(hit));
}

function tags(hit) {
  if (!hit.countries.length && !hit.actors.length && !hit.change) return null;
  return el('p', { class: 'tags' },
    hit.change ? el('span', { class: `tag change ${hit.change}`, title: 'since the watch last ran' }, hit.change) : null,
    hit.countries.map((code) => el('span', { class: 'tag country', title: 'country' }, code)),
    hit.actors.slice(0, 6).map((name) => el('span', { class: 'tag actor', title: 'actor' }, name)),
    hit.actors.length > 6 ? el('span', { class: 'tag more' }, `+${hit.actors.length - 6}`) : null);
}

/** "123 reports match · counts are exact · 12 ms", and a suggested spelling. */
export function renderSummary(node, result, search) {
  const parts = [
    el('strong', {}, plural(result.total, 'report')), result.total === 1 ? ' matches' : ' match',
    el('span', { class: 'exact', title: 'Every facet and timeline count is over all matches, not a sample' },
      ' · exact counts'),
    el('span', { class: 'took' }, ` · ${result.took_ms} ms`),
  ];
  if (result.suggestion) {
    const link = el('a', { href: '#', class: 'suggestion' }, result.suggestion);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      search(result.suggestion);
    });
    parts.push(el('span', {}, ' · did you mean ', link, '?'));
  }
  replaceChildren(node, ...parts);
}

/** "1–20 of 123" with Previous and Next. */
export function renderPager(node, result, state, go) {
  if (result.total <= PAGE_SIZE) {
    replaceChildren(node);
    return;
  }
  const first = result.offset + 1;
  const last = result.offset + result.hits.length;
  const button = (label, offset, disabled) =>
    el('button', { type: 'button', disabled, onclick: () => go(offset) }, label);
  replaceChildren(node,
    button('← Previous', Math.max(0, result.offset - PAGE_SIZE), result.offset === 0),
    el('span', { class: 'range' }, `${count(first)}–${count(last)} of ${count(result.total)}`),
    button('Next →', result.offset + PAGE_SIZE, last >= result.total));
}
