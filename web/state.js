// What the page shows, kept in the address: bookmarkable, and the back button restores it.

const LISTS = ['country', 'actor', 'lang', 'type'];
export const PAGE_SIZE = 20;

/** The state in `search` (location.search). */
export function fromQuery(search) {
  const params = new URLSearchParams(search);
  const state = {
    q: params.get('q') || '',
    any: params.get('any') === '1',
    exact: params.get('exact') === '1',
    sort: params.get('sort') === 'date' ? 'date' : 'relevance',
    since: params.get('since') || '',
    until: params.get('until') || '',
    undated: params.get('undated') === '1',
    offset: Math.max(0, parseInt(params.get('offset') || '0', 10) || 0),
    doc: params.get('doc') || '',
    watch: params.get('watch') || '',
  };
  for (const name of LISTS) state[name] = params.getAll(name).filter(Boolean);
  return state;
}

/** The address for `state`: only what differs from the defaults. */
export function toQuery(state) {
  const params = searchParams(state, { paging: true });
  if (state.offset) params.set('offset', state.offset);
  else params.delete('offset');
  params.delete('n');
  if (state.watch) params.set('watch', state.watch);
  if (state.doc) params.set('doc', state.doc);
  const text = params.toString();
  return text ? `?${text}` : location.pathname;
}

/** The API parameters of the search `state` describes. */
export function searchParams(state, { paging }) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  if (state.any) params.set('any', '1');
  if (state.exact) params.set('exact', '1');
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  for (const name of LISTS) for (const value of state[name]) params.append(name, value);
  if (state.since) params.set('since', state.since);
  if (state.until) params.set('until', state.until);
  if (state.undated) params.set('undated', '1');
  if (paging) {
    params.set('n', PAGE_SIZE);
    if (state.offset) params.set('offset', state.offset);
  }
  return params;
}

/** A key that changes exactly when the search (not the document shown) changes. */
export function searchKey(state) {
  return searchParams(state, { paging: true }).toString();
}

/** A copy of `state` with `changes`; any change to the search goes back to its first page and
 *  leaves a watch's matches (opening or closing a document keeps them, to come back to). */
export function withChanges(state, changes) {
  const next = { ...state, ...changes };
  if (!('offset' in changes)) next.offset = 0;
  if (!('doc' in changes)) next.doc = '';
  if (!('watch' in changes) && !('doc' in changes)) next.watch = '';
  return next;
}

/** `state` with `value` added to or removed from the list filter `name`. */
export function toggled(state, name, value) {
  const list = state[name].includes(value) ? state[name].filter((v) => v !== value) : [...state[name], value];
  return withChanges(state, { [name]: list });
}
