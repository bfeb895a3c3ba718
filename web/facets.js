// Facet panels: bars with exact counts; a click adds the filter, a second click removes it.
import { el, count, replaceChildren } from './dom.js';

const KIND_NAMES = {
  'threat-group': 'Threat groups', 'intelligence-agency': 'Intelligence agencies', government: 'Governments',
  'political-party': 'Political parties', intergovernmental: 'Intergovernmental', company: 'Companies',
  'security-vendor': 'Security vendors', ngo: 'NGOs', media: 'Media', unknown: 'Defined in reports',
};

/** Fills `node` with the facets of `result`. `toggle(name, value)` flips a list filter
 *  (country, actor, lang, type); `toggleYear(year)` flips since/until = year. */
export function renderFacets(node, result, state, { toggle, toggleYear }) {
  const facets = result.facets;
  const yearSelected = (year) => state.since === year && state.until === year;
  replaceChildren(node,
    panel('Countries', facets.country, (v) => state.country.includes(v.value), (v) => toggle('country', v.value)),
    actorPanel(facets.actor, state, toggle),
    panel('Years', facets.year, (v) => yearSelected(v.value), (v) => toggleYear(v.value)),
    panel('Languages', facets.language, (v) => state.lang.includes(v.value), (v) => toggle('lang', v.value)),
    panel('Types', facets.type, (v) => state.type.includes(v.value), (v) => toggle('type', v.value)));
}

function panel(title, values, selected, onClick, heading = 'h2') {
  const section = el('section', { class: 'facet' }, el(heading, {}, title));
  if (!values.length) {
    section.append(el('p', { class: 'none' }, 'none'));
    return section;
  }
  section.append(bars(values, selected, onClick));
  return section;
}

function bars(values, selected, onClick, most = Math.max(...values.map((v) => v.count), 1)) {
  return el('ul', {}, values.map((value) => {
    const on = selected(value);
    const fill = el('span', { class: 'fill' });
    fill.style.width = `${(100 * value.count) / most}%`;
    const button = el('button', {
      type: 'button', class: on ? 'value on' : 'value', 'aria-pressed': on ? 'true' : 'false',
      title: `${value.name}: ${count(value.count)} ${value.count === 1 ? 'report' : 'reports'}`,
      onclick: () => onClick(value),
    }, el('span', { class: 'name' }, value.name), el('span', { class: 'count' }, count(value.count)), fill);
    return el('li', {}, button);
  }));
}

function actorPanel(actors, state, toggle) {
  const section = el('section', { class: 'facet' }, el('h2', {}, 'Actors'));
  if (!actors.length) {
    section.append(el('p', { class: 'none' }, 'none'));
    return section;
  }
  // Grouped by kind, the groups in the order of their most-named actor.
  const most = Math.max(...actors.map((v) => v.count), 1);
  const groups = new Map();
  for (const actor of actors) {
    if (!groups.has(actor.kind)) groups.set(actor.kind, []);
    groups.get(actor.kind).push(actor);
  }
  for (const [kind, members] of groups) {
    section.append(el('h3', { class: 'kind' }, KIND_NAMES[kind] || kind),
      bars(members, (v) => state.actor.includes(v.value), (v) => toggle('actor', v.value), most));
  }
  return section;
}
