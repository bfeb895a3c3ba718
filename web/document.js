// The document view: metadata, entities, the whole text with every match highlighted and a
// next/previous match navigator, and similar reports.
import { el, count, plural, replaceChildren } from './dom.js';

/** Fills `node` with `doc` (from /api/documents/ID) and returns the match navigator. `actions`
 *  has `back()`, `filter(name, value)` and `open(id)`. */
export function renderDocument(node, doc, actions) {
  const text = el('div', { class: 'text' });
  for (const segment of doc.segments) {
    const page = el('div', { class: 'page-text' });
    // The server escaped the text and added only <mark> around matches.
    page.innerHTML = segment.html;
    text.append(doc.pages > 1 ? el('section', { class: 'page', 'data-page': segment.page },
      el('h3', { class: 'page-number' }, `Page ${segment.page}`), page) : page);
  }
  const navigator = new MatchNavigator(text);
  const status = el('span', { class: 'match-status', 'aria-live': 'polite' });
  navigator.onChange = () => { status.textContent = navigator.describe(); };
  const controls = el('div', { class: 'matches' },
    el('button', { type: 'button', onclick: () => navigator.previous(), title: 'Previous match (p)' }, '↑ Previous'),
    status,
    el('button', { type: 'button', onclick: () => navigator.next(), title: 'Next match (n)' }, 'Next ↓'));
  replaceChildren(node,
    el('p', { class: 'back' }, el('a', { href: '#', onclick: (event) => { event.preventDefault(); actions.back(); } },
      '← Results')),
    el('h1', { id: 'document-title' }, doc.title || doc.path),
    metadata(doc),
    entities(doc, actions),
    navigator.count ? controls : el('p', { class: 'matches none' }, doc.query ? 'No match of the query in the text.' : ''),
    text,
    el('section', { class: 'similar', 'aria-label': 'Similar reports' }, el('h2', {}, 'Similar reports'),
      el('p', { class: 'loading' }, 'Looking…')));
  navigator.onChange();
  return navigator;
}

/** Fills the "Similar reports" list of `node` from /api/similar. */
export function renderSimilar(node, result, open) {
  const section = node.querySelector('.similar');
  if (!section) return;
  const items = result.hits.map((hit) => {
    const link = el('a', { href: '#', class: 'similar-link' }, hit.title || hit.path);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      open(hit.id);
    });
    return el('li', {}, link, el('span', { class: 'meta' }, ` ${hit.date || 'no date'} · ${hit.path}`));
  });
  replaceChildren(section, el('h2', {}, 'Similar reports'),
    items.length ? el('ol', {}, items) : el('p', { class: 'none' }, 'none found'));
}

function metadata(doc) {
  const rows = [
    ['Path', doc.path], ['Date', doc.date], ['Author', doc.author], ['Language', doc.language],
    ['Type', doc.format], ['Pages', doc.pages || null], ['Size', `${count(doc.size)} bytes`],
    ['Modified', doc.modified], ['Address', doc.url], ['Description', doc.description],
    ['Keywords', doc.keywords && doc.keywords.length ? doc.keywords.join(', ') : null],
  ].filter(([, value]) => value);
  return el('dl', { class: 'metadata' }, rows.map(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]));
}

function entities(doc, actions) {
  const chip = (label, title, name, value) =>
    el('button', { type: 'button', class: 'tag entity', title, onclick: () => actions.filter(name, value) }, label);
  const countries = doc.countries.map((c) =>
    chip(`${c.name} ${c.mentions}`, `Keep reports naming ${c.name} (named ${plural(c.mentions, 'time')}: ${c.surfaces.join(', ')})`,
      'country', c.code));
  const actors = doc.actors.map((a) =>
    chip(`${a.name} ${a.mentions}`, `${a.kind}; keep reports naming it (as ${a.surfaces.join(', ')})`, 'actor', a.id));
  return el('section', { class: 'entities', 'aria-label': 'Countries and actors' },
    countries.length ? el('p', {}, el('span', { class: 'label' }, 'Countries '), countries) : null,
    actors.length ? el('p', {}, el('span', { class: 'label' }, 'Actors '), actors) : null);
}

/** Moves between the <mark> elements of a text: next, previous, wrapping around. */
export class MatchNavigator {
  constructor(root) {
    this.marks = [...root.querySelectorAll('mark')];
    this.index = -1;
    this.onChange = () => {};
  }

  get count() { return this.marks.length; }

  describe() {
    if (!this.marks.length) return '';
    return this.index < 0 ? plural(this.marks.length, 'match', 'matches') : `Match ${this.index + 1} of ${count(this.marks.length)}`;
  }

  next() { this.go(this.index + 1); }

  previous() { this.go(this.index < 0 ? this.marks.length - 1 : this.index - 1); }

  go(index) {
    if (!this.marks.length) return;
    if (this.index >= 0) this.marks[this.index].classList.remove('current');
    this.index = (index + this.marks.length) % this.marks.length;
    const mark = this.marks[this.index];
    mark.classList.add('current');
    mark.scrollIntoView({ block: 'center' });
    this.onChange();
  }
}
