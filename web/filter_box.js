// "Add a filter": completes country and actor names from the index as they are typed
// (/api/entities), so a filter not among the top facet values is one choice away.
import { getJson } from './api.js';
import { el, count } from './dom.js';

const DELAY_MS = 150;

/** Fills `form` (with an input and a datalist) and calls `add(name, value)` ("country" or "actor",
 *  and the code or id) when a suggested name is chosen. */
export function installFilterBox(form, add) {
  const input = form.querySelector('input');
  const list = form.querySelector('datalist');
  const choices = new Map();  // text shown -> [filter name, value]
  let timer = null;
  let asked = '';

  async function suggest(prefix) {
    asked = prefix;
    const ask = (kind) => getJson('/api/entities', new URLSearchParams({ kind, prefix, n: '8' }));
    const [countries, actors] = await Promise.all([ask('country'), ask('actor')]);
    if (asked !== prefix) return;  // a later keystroke asked again
    choices.clear();
    const options = [];
    for (const [name, answer] of [['country', countries], ['actor', actors]]) {
      for (const entity of answer.entities) {
        const text = `${entity.name} (${name === 'country' ? 'country' : entity.kind}, ${count(entity.count)})`;
        choices.set(text, [name, entity.value]);
        options.push(el('option', { value: text }));
      }
    }
    list.replaceChildren(...options);
  }

  input.addEventListener('input', () => {
    const chosen = choices.get(input.value);
    clearTimeout(timer);
    if (chosen) {
      input.value = '';
      add(...chosen);
      return;
    }
    const prefix = input.value.trim();
    if (prefix.length < 2) return;
    timer = setTimeout(() => suggest(prefix).catch(() => {}), DELAY_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = choices.get(input.value) || [...choices.values()][0];
    if (!chosen) return;
    input.value = '';
    add(...chosen);
  });
}
