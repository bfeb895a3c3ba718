// Saved watches (`dossier watch add`): the list with how much is new for each since its last
// recorded run, and one watch's new and changed matches. The page only reads: `dossier watch run`
// (or `dossier index --watch`) records a run.
import { el, count, replaceChildren } from './dom.js';

function news(watch) {
  if (watch.error) return 'cannot run';
  if (!watch.new && !watch.changed) return 'nothing new';
  return [watch.new ? `${count(watch.new)} new` : null, watch.changed ? `${count(watch.changed)} changed` : null]
    .filter(Boolean).join(', ');
}

/** The watch as `dossier watch add` would take it: "espionage --country Norway --actor MSS". */
export function definition(watch) {
  const quoted = (value) => (/[\s"']/.test(value) ? `"${value}"` : value);
  return [watch.query, ...watch.countries.map((c) => `--country ${quoted(c)}`),
    ...watch.actors.map((a) => `--actor ${quoted(a)}`), watch.any ? '--any' : null].filter(Boolean).join(' ');
}

/** Fills `list` with the watches of `answer` (GET /api/watches), each a button naming it and its
 *  news; `open(name)` shows its matches. `panel` is hidden when there is no watch. */
export function renderWatchList(panel, list, answer, current, open) {
  panel.hidden = answer.watches.length === 0;
  replaceChildren(list, ...answer.watches.map((watch) => {
    const on = watch.name === current;
    const fresh = !watch.error && watch.new + watch.changed > 0;
    return el('li', {}, el('button', {
      type: 'button', class: on ? 'watch on' : 'watch', 'aria-pressed': on ? 'true' : 'false',
      'data-name': watch.name, title: watch.error || definition(watch), onclick: () => open(watch.name),
    }, el('span', { class: 'name' }, watch.name), el('span', { class: fresh ? 'news fresh' : 'news' }, news(watch))));
  }));
}

/** "NAME: 2 new, 1 changed since 2026-12-01T08:00:00Z", the definition, and a button that runs the
 *  watch as a search (`search(watch)`). */
export function renderWatchSummary(node, answer, search) {
  const since = answer.since ? `since its last run (${answer.since})` : 'never run: every match is new';
  const shown = answer.hits.length < answer.new + answer.changed
    ? ` · ${count(answer.hits.length)} of ${count(answer.new + answer.changed)} shown` : '';
  replaceChildren(node,
    el('strong', {}, answer.name), `: ${news(answer)} `, el('span', { class: 'took' }, `${since}${shown}`),
    el('span', { class: 'definition' }, ' · ', el('code', {}, definition(answer)), ' '),
    el('button', { type: 'button', class: 'run-watch', onclick: () => search(answer) }, 'Search all matches'));
}

/** The hits of a watch's answer (the new first, then the changed), numbered as one list. */
export function watchHits(answer) {
  return answer.hits.map((hit, i) => ({ ...hit, rank: i + 1 }));
}
